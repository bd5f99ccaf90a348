"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/server/infra/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { deleteCustomRole, duplicateRole, saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { startChatFromForm } from "@/lib/server/services/chat/start-chat-form";
import { restoreBriefValue } from "@/lib/server/services/roles/brief-service";
import type { ActionResult, FormResult } from "@/lib/shared/action-result";

/**
 * The "Start chat" form: validates the details on the server (the same schema the form uses),
 * saves them as the role's brief, opens the conversation and goes to it.
 */
export async function startChatAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  // A server action is a public endpoint: arguments that are not a form get the form's answer, not a 500.
  const started = await startChatFromForm(formData);
  if ("refused" in started) return started.refused;
  redirect(`/chat/${started.conversationId}`);
}

export async function saveCustomRoleAction(input: unknown, id?: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => saveCustomRole(await requireOwner(), input, id));
}

export async function deleteCustomRoleAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteCustomRole(await requireOwner(), id);
    return null;
  });
}

export async function duplicateRoleAction(roleId: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => duplicateRole(await requireOwner(), roleId));
}

/** The role page's history: put back the value a change replaced; the page then re-renders with it. */
export async function restoreBriefValueAction(roleId: string, entryId: string): Promise<ActionResult<{ details: Record<string, unknown> }>> {
  return runAction(async () => {
    const restored = await restoreBriefValue(await requireOwner(), roleId, entryId);
    return { details: restored.details };
  });
}
