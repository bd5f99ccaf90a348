/**
 * Reads for server components. Each takes the owner (user id, ObjectId or the signed-in user)
 * and returns JSON-safe DTOs; another user's data reads as null, never as an error that leaks
 * whether it exists. Reads a page and its generateMetadata both make are wrapped in cache(), so
 * one request reads them once.
 */
import "server-only";
import { publicAttachmentLimits } from "@/lib/server/services/attachments/limits";
import { cache } from "react";
import { toConversationDTO, toMessageDTO, toRoleDTO, toRoleSummary } from "@/lib/server/services/chat/dto";
import { chatModelLabel } from "@/lib/server/services/chat/ai-adapter";
import { toOwner, type OwnerRef } from "@/lib/server/services/owner";
import { listRolesFor, resolveRole } from "@/lib/server/services/roles/roles-service";
import type { ChatModelInfo, ConversationDTO, MessagePage, RoleDTO, RoleSummary } from "@/lib/shared/chat/types";
import { getEnv } from "@/lib/server/infra/env";
import { defaultDetails, mergeSharedDetails } from "@/lib/shared/roles/details-schema";
import type { Role } from "@/lib/shared/roles/role-schema";
import { findBrief, listRecentBriefs } from "@/models/briefs";
import { findConversation } from "@/models/conversations";
import { listMessagesBefore } from "@/models/messages";

/**
 * The page opens with the newest messages, this many, and loads older ones in pages of the
 * same size as the reader scrolls up: its cost does not grow with the conversation.
 */
export const MESSAGE_PAGE_SIZE = 50;


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
  async (owner: OwnerRef, id: string): Promise<({ conversation: ConversationDTO } & MessagePage) | null> => {
    const ownerId = toOwner(owner);
    const conversation = await findConversation(ownerId, id);
    if (!conversation) return null;
    const page = await listMessagesBefore(ownerId, conversation._id, null, MESSAGE_PAGE_SIZE);
    return { conversation: toConversationDTO(conversation), messages: page.messages.map(toMessageDTO), hasOlder: page.hasOlder };
  },
);

/** The page of messages before `before` (an ISO timestamp of the oldest message shown); null if the conversation is not the owner's. */
export async function listOlderMessages(owner: OwnerRef, id: string, before: Date): Promise<MessagePage | null> {
  const ownerId = toOwner(owner);
  const conversation = await findConversation(ownerId, id);
  if (!conversation) return null;
  const page = await listMessagesBefore(ownerId, conversation._id, before, MESSAGE_PAGE_SIZE);
  return { messages: page.messages.map(toMessageDTO), hasOlder: page.hasOlder };
}

export function chatModelInfo(): ChatModelInfo {
  return { ...chatModelLabel(), maxMessageChars: getEnv().CHAT_MAX_MESSAGE_CHARS, attachments: publicAttachmentLimits() };
}
