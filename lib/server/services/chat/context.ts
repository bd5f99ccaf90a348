/**
 * What the model sees of the conversation: only a bounded window of the newest messages is read
 * (never the whole history), notices and failed empty replies are left out (a files-only message stays), and selectContext
 * trims the rest to CHAT_CONTEXT_TOKEN_BUDGET — so a reply's cost does not grow with chat length.
 */
import "server-only";
import type { ObjectId } from "mongodb";
import { selectContext } from "@/lib/server/ai/token-budget";
import type { ChatTurn } from "@/lib/server/ai/chat-model";
import { toProposalDTO } from "@/lib/server/services/chat/dto";
import { proposalContextNote } from "@/lib/server/services/chat/proposal-text";
import { getEnv } from "@/lib/server/infra/env";
import type { Owner } from "@/models/conversations";
import { listRecentMessages, type MessageDoc, type StoredAttachmentRef } from "@/models/messages";
import type { TurnAttachment } from "@/lib/server/ai/attachment-parts";
import type { AttachmentMime } from "@/lib/shared/attachments/types";

/** The most messages read to build a context, whatever the budget. */
export const CONTEXT_WINDOW_MESSAGES = 200;

export function toChatTurns(messages: MessageDoc[]): ChatTurn[] {
  return messages
    // A files-only message has no text but is a turn all the same.
    .filter((doc) => doc.kind !== "notice" && doc.status !== "streaming" && (doc.message.trim() !== "" || (doc.attachments?.length ?? 0) > 0))
    .map((doc) => ({
      role: doc.sender === "user" ? "user" : "model",
      // The model's own proposals are function calls; it is reminded of them, and of their fate, in words.
      text: doc.proposal ? `${doc.message}\n\n${proposalContextNote(toProposalDTO(doc.proposal))}` : doc.message,
      ...(doc.attachments?.length ? { attachments: doc.attachments.map(toTurnAttachment) } : {}),
    }));
}

/** What the model is told of a stored file before its bytes are read (attachment-context.ts reads them). */
function toTurnAttachment(ref: StoredAttachmentRef): TurnAttachment {
  return { id: ref.id.toHexString(), name: ref.name, mime: ref.mime as AttachmentMime, size: ref.size, ...(ref.width ? { width: ref.width, height: ref.height } : {}), ...(ref.pages ? { pages: ref.pages } : {}) };
}

/** The newest turns that fit the budget after the system instruction's share, oldest first. */
export async function buildContext(owner: Owner, conversationId: ObjectId, reservedTokens = 0): Promise<ChatTurn[]> {
  return contextFrom(await listRecentMessages(owner, conversationId, CONTEXT_WINDOW_MESSAGES), reservedTokens);
}

/** The same from messages already read (oldest first), e.g. read alongside the write of the newest. */
export function contextFrom(recent: MessageDoc[], reservedTokens = 0): ChatTurn[] {
  const budget = Math.max(1, getEnv().CHAT_CONTEXT_TOKEN_BUDGET - reservedTokens);
  return selectContext(toChatTurns(recent), budget);
}

/**
 * The recent window read at the same time as `latest` was written: the read may or may not
 * have seen the write, so `latest` is put last exactly once either way.
 */
export function withLatest(recent: MessageDoc[], latest: MessageDoc): MessageDoc[] {
  return [...recent.filter((doc) => !doc._id.equals(latest._id)), latest];
}
