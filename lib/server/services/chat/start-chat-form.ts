/**
 * The details form's server half, shared by the role page (a role chat) and Create project
 * (a Project Planner chat in project-planning mode): validate the details with the role's
 * schema, save the brief, open the conversation. Returns the form state to show on refusal.
 */
import "server-only";
import { failure } from "@/lib/server/infra/action-result";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { detailsFromFormData } from "@/lib/shared/roles/form-details";
import { toOwner } from "@/lib/server/services/owner";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import type { StartChatState } from "@/lib/shared/chat/types";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { isAppError, SESSION_ENDED_MESSAGE } from "@/lib/shared/errors";
import type { ConversationMode } from "@/lib/shared/chat/types";

export async function startChatFromForm(
  formData: FormData,
  options: { roleId?: string; mode?: ConversationMode } = {},
): Promise<{ conversationId: string } | { state: StartChatState }> {
  const user = await getCurrentUser();
  if (!user) return { state: { formError: SESSION_ENDED_MESSAGE } };
  const owner = toOwner(user);
  const roleId = options.roleId ?? formData.get("roleId");
  const resolved = typeof roleId === "string" ? await resolveRole(owner, roleId) : null;
  if (!resolved) return { state: { formError: "This role no longer exists." } };
  const { details, values } = detailsFromFormData(resolved.role.fields, formData);
  try {
    const conversation = await startConversation(owner, resolved.role.id, details, { mode: options.mode });
    return { conversationId: conversation._id.toHexString() };
  } catch (error) {
    if (isAppError(error) && error.code === "invalid:details") {
      return { state: { fieldErrors: error.fields ?? {}, formError: error.message, values } };
    }
    const result = failure(error);
    return { state: { formError: result.ok ? undefined : result.error.message, values } };
  }
}
