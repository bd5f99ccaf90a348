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
import { findMessage, listMessagesPage, type MessagePageAnchor } from "@/models/messages";
import { parseObjectId } from "@/models/conversations";
import { withReplySoFar } from "@/lib/server/services/live/reply-so-far";

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

/** Where the chat page opens: at a message of this conversation (a search match), else on the newest page. */
async function openingAnchor(ownerId: ReturnType<typeof toOwner>, conversationId: string, focus: string | undefined): Promise<{ anchor: MessagePageAnchor; focusId?: string }> {
  const messageId = focus ? parseObjectId(focus) : null;
  const message = messageId ? await findMessage(ownerId, messageId) : null;
  if (!message || message.conversationId.toHexString() !== conversationId) return { anchor: { before: null } };
  return { anchor: { around: message.timestamp }, focusId: message._id.toHexString() };
}

export const getConversationView = cache(
  async (owner: OwnerRef, id: string, focus?: string): Promise<({ conversation: ConversationDTO; focusId?: string } & MessagePage) | null> => {
    const ownerId = toOwner(owner);
    const conversation = await findConversation(ownerId, id);
    if (!conversation) return null;
    const { anchor, focusId } = await openingAnchor(ownerId, conversation._id.toHexString(), focus);
    const page = await listMessagesPage(ownerId, conversation._id, anchor, MESSAGE_PAGE_SIZE);
    const messages = await withReplySoFar(ownerId, page.messages.map(toMessageDTO));
    return { conversation: toConversationDTO(conversation), messages, hasOlder: page.hasOlder, hasNewer: page.hasNewer, focusId };
  },
);

/** The page of messages before or after a time (the timestamp of the oldest or newest message shown); null if the conversation is not the owner's. */
export async function listAdjacentMessages(owner: OwnerRef, id: string, anchor: { before: Date } | { after: Date }): Promise<MessagePage | null> {
  const ownerId = toOwner(owner);
  const conversation = await findConversation(ownerId, id);
  if (!conversation) return null;
  const page = await listMessagesPage(ownerId, conversation._id, anchor, MESSAGE_PAGE_SIZE);
  return { messages: page.messages.map(toMessageDTO), hasOlder: page.hasOlder, hasNewer: page.hasNewer };
}

export function chatModelInfo(): ChatModelInfo {
  return { ...chatModelLabel(), maxMessageChars: getEnv().CHAT_MAX_MESSAGE_CHARS, attachments: publicAttachmentLimits() };
}
