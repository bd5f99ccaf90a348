/**
 * Reads for server components. Each takes the owner (user id, ObjectId or the signed-in user)
 * and returns JSON-safe DTOs; another user's data reads as null, never as an error that leaks
 * whether it exists. Reads a page and its generateMetadata both make are wrapped in cache(), so
 * one request reads them once.
 */
import "server-only";
import { cache } from "react";
import { toConversationDTO, toMessageDTO, toRoleDTO, toRoleSummary } from "@/lib/chat/dto";
import { chatModelLabel } from "@/lib/chat/ai-adapter";
import { toOwner, type OwnerRef } from "@/lib/chat/owner";
import { listRolesFor, resolveRole } from "@/lib/chat/roles-service";
import type { ChatModelInfo, ConversationDTO, MessageDTO, RoleDTO, RoleSummary } from "@/lib/chat/types";
import { getEnv } from "@/lib/env";
import { defaultDetails, mergeSharedDetails } from "@/lib/roles/details-schema";
import type { Role } from "@/lib/roles/role-schema";
import { findBrief, listRecentBriefs } from "@/models/briefs";
import { findConversation } from "@/models/conversations";
import { listRecentMessages } from "@/models/messages";

/** The page shows the newest messages of a conversation, up to this many. */
export const MAX_VIEW_MESSAGES = 500;

export async function listRolesForUser(owner: OwnerRef): Promise<RoleSummary[]> {
  return (await listRolesFor(toOwner(owner))).map(({ role, isCustom }) => toRoleSummary(role, isCustom));
}

export const getRoleForUser = cache(async (owner: OwnerRef, roleId: string): Promise<RoleDTO | null> => {
  const resolved = await resolveRole(toOwner(owner), roleId);
  return resolved ? toRoleDTO(resolved.role, resolved.isCustom) : null;
});

/** Last brief for the role; otherwise values of same-key fields from other briefs; otherwise the fields' defaults. */
export async function prefilledDetails(owner: OwnerRef, role: Pick<Role, "id" | "fields">): Promise<Record<string, unknown>> {
  const ownerId = toOwner(owner);
  const brief = await findBrief(ownerId, role.id);
  // Brief values still valid for the role's fields win; anything else falls back to the field's default.
  if (brief) return defaultDetails(role.fields, brief.details);
  const others = await listRecentBriefs(ownerId);
  return mergeSharedDetails(role.fields, others.map((doc) => doc.details));
}

export const getConversationView = cache(
  async (owner: OwnerRef, id: string): Promise<{ conversation: ConversationDTO; messages: MessageDTO[] } | null> => {
    const ownerId = toOwner(owner);
    const conversation = await findConversation(ownerId, id);
    if (!conversation) return null;
    const messages = await listRecentMessages(ownerId, conversation._id, MAX_VIEW_MESSAGES);
    return { conversation: toConversationDTO(conversation), messages: messages.map(toMessageDTO) };
  },
);

export function chatModelInfo(): ChatModelInfo {
  return { ...chatModelLabel(), maxMessageChars: getEnv().CHAT_MAX_MESSAGE_CHARS };
}
