/**
 * The brief's chat-history endpoints on top of the normal conversation model: a chat type is a
 * built-in role, its "history" is that role's latest conversation. The caller must be the
 * :userId of the URL (session or token); any other id is 404, as for every id not yours.
 */
import "server-only";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { CHAT_TYPE_ROLES, type ChatType } from "@/lib/shared/api/compat";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { toMessageDTO } from "@/lib/server/services/chat/dto";
import { prefilledDetails } from "@/lib/server/services/chat/queries";
import type { MessageDTO } from "@/lib/shared/chat/types";
import { AppError } from "@/lib/shared/errors";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";
import {
  deleteConversation,
  findLatestConversationForRole,
  listConversationIdsForRole,
  touchConversation,
  type ConversationDoc,
} from "@/models/conversations";
import { deleteConversationMessages, insertMessage, listRecentMessages } from "@/models/messages";

/** The most messages the history endpoint returns (the newest ones, oldest first). */
export const HISTORY_LIMIT = 500;

/** 404 unless the URL's user is the caller: the same answer whether or not that user exists. */
export function requireSelf(caller: ApiCaller, userId: string): void {
  if (userId.toLowerCase() !== caller.user.id.toLowerCase()) throw new AppError("not_found:user");
}

export async function readHistory(caller: ApiCaller, chatType: ChatType): Promise<{ conversationId: string | null; messages: MessageDTO[] }> {
  const conversation = await findLatestConversationForRole(caller.owner, CHAT_TYPE_ROLES[chatType]);
  if (!conversation) return { conversationId: null, messages: [] };
  const messages = await listRecentMessages(caller.owner, conversation._id, HISTORY_LIMIT);
  return { conversationId: conversation._id.toHexString(), messages: messages.map(toMessageDTO) };
}

async function latestOrNew(caller: ApiCaller, chatType: ChatType, details: Record<string, unknown> | undefined): Promise<ConversationDoc> {
  const roleId = CHAT_TYPE_ROLES[chatType];
  const existing = await findLatestConversationForRole(caller.owner, roleId);
  if (existing) return existing;
  const role = getBuiltInRole(roleId);
  if (!role) throw new AppError("not_found:role");
  return startConversation(caller.owner, roleId, { ...(await prefilledDetails(caller.owner, role)), ...details });
}

export async function saveExchange(
  caller: ApiCaller,
  input: { chatType: ChatType; message: string; response: string; details?: Record<string, unknown> },
): Promise<{ conversationId: string; messages: MessageDTO[] }> {
  const conversation = await latestOrNew(caller, input.chatType, input.details);
  const user = await insertMessage(caller.owner, conversation._id, {
    sender: "user",
    message: input.message,
    status: "complete",
    after: conversation.lastMessageAt,
  });
  const reply = await insertMessage(caller.owner, conversation._id, {
    sender: "ai",
    message: input.response,
    status: "complete",
    after: user.timestamp,
  });
  await touchConversation(caller.owner, conversation._id, reply.timestamp, 2);
  return { conversationId: conversation._id.toHexString(), messages: [toMessageDTO(user), toMessageDTO(reply)] };
}

export async function deleteHistory(caller: ApiCaller, chatType: ChatType): Promise<{ deletedConversations: number; deletedMessages: number }> {
  let deletedConversations = 0;
  let deletedMessages = 0;
  // In bounded rounds, messages before their conversation (a failure leaves empty chats, never orphans).
  for (;;) {
    const ids = await listConversationIdsForRole(caller.owner, CHAT_TYPE_ROLES[chatType]);
    if (ids.length === 0) break;
    for (const id of ids) {
      deletedMessages += await deleteConversationMessages(caller.owner, id);
      if (await deleteConversation(caller.owner, id)) deletedConversations += 1;
    }
  }
  return { deletedConversations, deletedMessages };
}
