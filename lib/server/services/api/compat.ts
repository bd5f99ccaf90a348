/**
 * The brief's chat-history endpoints on top of the normal conversation model: a chat type is a
 * built-in role, its "history" is that role's latest conversation, read as the brief's
 * ChatMessage exchanges (a user message paired with the AI response that followed it). The
 * caller must be the :userId of the URL (session or token); any other id is 404, as for every id
 * not yours.
 */
import "server-only";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { CHAT_TYPE_ROLES, type ChatMessage, type ChatType } from "@/lib/shared/api/compat";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { prefilledDetails } from "@/lib/server/services/chat/queries";
import { AppError } from "@/lib/shared/errors";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { clipAtWord } from "@/lib/shared/text";
import {
  deleteConversation,
  findLatestConversationForRole,
  listConversationIdsForRole,
  touchConversation,
  type ConversationDoc,
} from "@/models/conversations";
import { deleteConversationAttachments } from "@/models/attachments";
import { deleteConversationMessages, insertMessage, listMessagesPage, listRecentMessages, type MessageDoc } from "@/models/messages";

/** The most exchanges the history endpoint returns (the newest ones, oldest first). */
export const HISTORY_LIMIT = 500;

/** 404 unless the URL's user is the caller: the same answer whether or not that user exists. */
export function requireSelf(caller: ApiCaller, userId: string): void {
  if (userId.toLowerCase() !== caller.user.id.toLowerCase()) throw new AppError("not_found:user");
}

type Turn = Pick<MessageDoc, "_id" | "sender" | "kind" | "message" | "timestamp">;

function exchange(userId: string, chatType: ChatType, message: Turn | null, response: Turn | null): ChatMessage {
  const first = (message ?? response)!;
  return {
    _id: first._id.toHexString(),
    userId,
    message: message?.message ?? "",
    response: response?.message ?? "",
    chatType,
    createdAt: first.timestamp.toISOString(),
    updatedAt: (response ?? first).timestamp.toISOString(),
  };
}

/**
 * Messages (oldest first) → exchanges: each user message with the AI reply right after it (notices
 * skipped); a user message with no reply gets response "", a reply with no message before it
 * message "".
 */
export function toExchanges(messages: readonly Turn[], userId: string, chatType: ChatType): ChatMessage[] {
  const result: ChatMessage[] = [];
  let pending: Turn | null = null;
  for (const turn of messages) {
    if (turn.kind === "notice") continue;
    if (turn.sender === "user") {
      if (pending) result.push(exchange(userId, chatType, pending, null));
      pending = turn;
    } else {
      result.push(exchange(userId, chatType, pending, turn));
      pending = null;
    }
  }
  if (pending) result.push(exchange(userId, chatType, pending, null));
  return result;
}

export async function readHistory(caller: ApiCaller, chatType: ChatType): Promise<ChatMessage[]> {
  const conversation = await findLatestConversationForRole(caller.owner, CHAT_TYPE_ROLES[chatType]);
  if (!conversation) return [];
  // Two messages per exchange, plus one: a reply cut off from its message at the window's edge is dropped.
  const window = 2 * HISTORY_LIMIT + 1;
  const messages = await listRecentMessages(caller.owner, conversation._id, window);
  const chats = toExchanges(messages, caller.user.id, chatType);
  if (messages.length === window && messages[0]?.sender === "ai") chats.shift();
  return chats.slice(-HISTORY_LIMIT);
}

/**
 * A value for a required field the request left out and no brief or default supplies: text
 * fields take the message (clipped to the field), a choice its first option, a number its
 * minimum (or 0 within its range).
 */
function valueFromMessage(field: RoleField, message: string): unknown {
  switch (field.type) {
    case "text":
    case "textarea":
      return clipAtWord(message.replace(/\s+/g, " "), field.maxLength);
    case "select":
      return field.options[0];
    case "multiselect":
      return field.options.slice(0, 1);
    case "number":
      return field.min ?? Math.min(0, field.max ?? 0);
  }
}

const isMissing = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/**
 * The details a new conversation of the chat type starts with: the request's, over the remembered
 * ones (brief, shared keys, the fields' defaults), with required fields still missing filled from
 * the message. `defaulted` lists every value the server supplied.
 */
async function detailsForNewChat(
  caller: ApiCaller,
  fields: readonly RoleField[],
  roleId: string,
  message: string,
  supplied: Record<string, unknown> = {},
): Promise<{ details: Record<string, unknown>; defaulted: Record<string, unknown> }> {
  const details: Record<string, unknown> = { ...(await prefilledDetails(caller.owner, { id: roleId, fields: [...fields] })) };
  for (const [key, value] of Object.entries(supplied)) if (!isMissing(value)) details[key] = value;
  for (const field of fields) {
    if (field.required && isMissing(details[field.key])) details[field.key] = valueFromMessage(field, message);
  }
  const defaulted: Record<string, unknown> = {};
  for (const field of fields) {
    if (isMissing(supplied[field.key]) && !isMissing(details[field.key])) defaulted[field.key] = details[field.key];
  }
  return { details, defaulted };
}

async function latestOrNew(
  caller: ApiCaller,
  chatType: ChatType,
  message: string,
  details: Record<string, unknown> | undefined,
): Promise<{ conversation: ConversationDoc; defaulted?: Record<string, unknown> }> {
  const roleId = CHAT_TYPE_ROLES[chatType];
  const existing = await findLatestConversationForRole(caller.owner, roleId);
  if (existing) return { conversation: existing };
  const role = getBuiltInRole(roleId);
  if (!role) throw new AppError("not_found:role");
  const start = await detailsForNewChat(caller, role.fields, roleId, message, details);
  const conversation = await startConversation(caller.owner, roleId, start.details);
  // Report what the conversation actually got (validation may normalise a value, e.g. trim it).
  const defaulted = Object.fromEntries(Object.keys(start.defaulted).filter((key) => key in conversation.details).map((key) => [key, conversation.details[key]]));
  return { conversation, ...(Object.keys(defaulted).length > 0 ? { defaulted } : {}) };
}

export async function saveExchange(
  caller: ApiCaller,
  input: { chatType: ChatType; message: string; response: string; details?: Record<string, unknown> },
): Promise<ChatMessage & { defaulted?: Record<string, unknown> }> {
  const { conversation, defaulted } = await latestOrNew(caller, input.chatType, input.message, input.details);
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
  return { ...exchange(caller.user.id, input.chatType, user, reply), ...(defaulted ? { defaulted } : {}) };
}

/** How many exchanges `toExchanges` would make of a conversation, read newest first in pages. */
async function countExchanges(caller: ApiCaller, conversationId: ConversationDoc["_id"]): Promise<number> {
  let count = 0;
  let replyWaiting = false; // a reply seen (newer) whose message, if any, is older
  let before: Date | null = null;
  for (;;) {
    const page = await listMessagesPage(caller.owner, conversationId, { before }, 1000);
    for (const turn of [...page.messages].reverse()) {
      if (turn.kind === "notice") continue;
      if (turn.sender === "ai") {
        if (replyWaiting) count += 1; // the newer reply had no message right before it
        replyWaiting = true;
      } else {
        count += 1; // with or without the reply after it
        replyWaiting = false;
      }
    }
    if (!page.hasOlder || page.messages.length === 0) break;
    before = page.messages[0]!.timestamp;
  }
  return count + (replyWaiting ? 1 : 0);
}

/** Deletes every conversation of the chat type; the answer counts the exchanges removed. */
export async function deleteHistory(caller: ApiCaller, chatType: ChatType): Promise<{ deletedCount: number }> {
  let deletedCount = 0;
  // In bounded rounds, messages before their conversation (a failure leaves empty chats, never orphans).
  for (;;) {
    const ids = await listConversationIdsForRole(caller.owner, CHAT_TYPE_ROLES[chatType]);
    if (ids.length === 0) break;
    for (const id of ids) {
      const exchanges = await countExchanges(caller, id);
      await deleteConversationAttachments(caller.owner, id);
      await deleteConversationMessages(caller.owner, id);
      await deleteConversation(caller.owner, id);
      deletedCount += exchanges;
    }
  }
  return { deletedCount };
}
