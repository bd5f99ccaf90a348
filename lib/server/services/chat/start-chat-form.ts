/**
 * The details form's server half, shared by the role page (a role chat) and Create project
 * (a Project Planner chat in project-planning mode): validate the details with the role's
 * schema, save the brief, open the conversation. Returns the refusal to show in the form.
 */
import "server-only";
import { formFailure } from "@/lib/server/infra/action-result";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { detailsFromFormData } from "@/lib/shared/roles/form-details";
import { toOwner } from "@/lib/server/services/owner";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import type { ActionResult } from "@/lib/shared/action-result";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { AppError } from "@/lib/shared/errors";
import type { ConversationMode } from "@/lib/shared/chat/types";

const ROLE_GONE = "This role no longer exists.";

export async function startChatFromForm(
  submitted: unknown,
  options: { roleId?: string; mode?: ConversationMode } = {},
): Promise<{ conversationId: string } | { refused: ActionResult<never> }> {
  const user = await getCurrentUser();
  if (!user) return { refused: formFailure(new AppError("unauthorized")) };
  const owner = toOwner(user);
  // A server action is a public endpoint: anything but a form reads as an empty one.
  const formData = submitted instanceof FormData ? submitted : new FormData();
  const roleId = options.roleId ?? formData.get("roleId");
  const resolved = typeof roleId === "string" ? await resolveRole(owner, roleId) : null;
  if (!resolved) return { refused: formFailure(new AppError("not_found:role", ROLE_GONE)) };
  const { details, values } = detailsFromFormData(resolved.role.fields, formData);
  try {
    const conversation = await startConversation(owner, resolved.role.id, details, { mode: options.mode });
    return { conversationId: conversation._id.toHexString() };
  } catch (error) {
    return { refused: formFailure(error, values) };
  }
}
