"use server";

import { redirect } from "next/navigation";
import { failure, runAction } from "@/lib/chat/action-result";
import { startConversation } from "@/lib/chat/conversation-service";
import { detailsFromFormData } from "@/lib/chat/form-details";
import { toOwner } from "@/lib/chat/owner";
import { deleteCustomRole, duplicateRole, resolveRole, saveCustomRole } from "@/lib/chat/roles-service";
import type { ActionResult, StartChatState } from "@/lib/chat/types";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

async function currentOwner() {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", SESSION_ENDED);
  return toOwner(user);
}

/**
 * The "Start chat" form: validates the details on the server (the same schema the form uses),
 * saves them as the role's brief, opens the conversation and goes to it.
 */
export async function startChatAction(_previous: StartChatState, formData: FormData): Promise<StartChatState> {
  const user = await getCurrentUser();
  if (!user) return { formError: SESSION_ENDED };
  // A server action is a public endpoint: arguments that are not a form get the form's error, not a 500.
  if (!(formData instanceof FormData)) return { formError: "This role no longer exists." };
  const owner = toOwner(user);
  const roleId = formData.get("roleId");
  const resolved = typeof roleId === "string" ? await resolveRole(owner, roleId) : null;
  if (!resolved) return { formError: "This role no longer exists." };
  const { details, values } = detailsFromFormData(resolved.role.fields, formData);
  let conversationId: string;
  try {
    conversationId = (await startConversation(owner, resolved.role.id, details))._id.toHexString();
  } catch (error) {
    if (isAppError(error) && error.code === "invalid:details") {
      return { fieldErrors: error.fields ?? {}, formError: error.message, values };
    }
    const result = failure(error);
    return { formError: result.ok ? undefined : result.error.message, values };
  }
  redirect(`/chat/${conversationId}`);
}

export async function saveCustomRoleAction(input: unknown, id?: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => saveCustomRole(await currentOwner(), input, id));
}

export async function deleteCustomRoleAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteCustomRole(await currentOwner(), id);
    return null;
  });
}

export async function duplicateRoleAction(roleId: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => duplicateRole(await currentOwner(), roleId));
}
