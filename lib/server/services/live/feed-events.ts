/**
 * One change on the live feed → the event a listener receives, with the owner (and conversation)
 * it is routed by. Changes without an owner, or of a kind no page shows, become nothing.
 */
import "server-only";
import type { Document, ObjectId } from "mongodb";
import { toConversationSummary, toMessageDTO } from "@/lib/server/services/chat/dto";
import type { LiveEvent } from "@/lib/shared/live/events";
import type { ConversationDoc } from "@/models/conversations";
import { CONVERSATIONS_COLLECTION } from "@/models/conversations-queries";
import type { FeedChange } from "@/models/live-feed";
import { LIVE_NOTICES_COLLECTION, type LiveNoticeDoc } from "@/models/live-notices";
import type { MessageDoc } from "@/models/messages";
import { MESSAGES_COLLECTION } from "@/models/messages-queries";
import { REPLY_CHUNKS_COLLECTION, type ReplyChunkDoc } from "@/models/reply-chunks";
import { REPLY_STREAMS_COLLECTION } from "@/models/reply-streams";

export interface RoutedEvent {
  userId: string;
  /** Set for events about one conversation (a conversation's listener gets only these and user-wide removals). */
  conversationId?: string;
  event: LiveEvent;
}

export type FeedOutcome = { kind: "event"; routed: RoutedEvent } | { kind: "stop"; replyId: string } | { kind: "none" };

const NONE: FeedOutcome = { kind: "none" };
const hex = (id: unknown): string | undefined => (id && typeof (id as ObjectId).toHexString === "function" ? (id as ObjectId).toHexString() : undefined);

function noticeEvent(notice: LiveNoticeDoc): LiveEvent {
  const conversationId = hex(notice.conversationId);
  if (notice.kind === "board_changed") return { type: "board", data: { ...(hex(notice.projectId) ? { projectId: hex(notice.projectId) } : {}) } };
  if (notice.kind === "history_cleared") return { type: "removed", data: { scope: "all" } };
  return { type: "removed", data: { scope: notice.kind === "messages_cleared" ? "cleared" : "conversation", ...(conversationId ? { conversationId } : {}) } };
}

function eventOf(collection: string, doc: Document): { event: LiveEvent; conversationId?: string } | null {
  switch (collection) {
    case MESSAGES_COLLECTION: {
      const message = doc as MessageDoc;
      const conversationId = hex(message.conversationId)!;
      return { conversationId, event: { type: "message", data: { conversationId, message: toMessageDTO(message) } } };
    }
    case REPLY_CHUNKS_COLLECTION: {
      const chunk = doc as ReplyChunkDoc;
      const conversationId = hex(chunk.conversationId)!;
      return { conversationId, event: { type: "chunk", data: { conversationId, messageId: hex(chunk.messageId)!, seq: chunk.seq, text: chunk.text } } };
    }
    case CONVERSATIONS_COLLECTION: {
      const conversation = doc as ConversationDoc;
      return { conversationId: hex(conversation._id), event: { type: "conversation", data: { conversation: toConversationSummary(conversation) } } };
    }
    case LIVE_NOTICES_COLLECTION: {
      const notice = doc as LiveNoticeDoc;
      return { conversationId: hex(notice.conversationId), event: noticeEvent(notice) };
    }
    default: {
      // projects and tasks: the board and the dashboard re-read what they show.
      const projectId = hex(collection === "projects" ? doc._id : doc.projectId);
      return { event: { type: "board", data: { ...(projectId ? { projectId } : {}) } } };
    }
  }
}

export function toFeedOutcome(change: FeedChange): FeedOutcome {
  if (!("ns" in change) || !("documentKey" in change)) return NONE;
  const collection = change.ns.coll;
  if (collection === REPLY_STREAMS_COLLECTION) return { kind: "stop", replyId: hex(change.documentKey._id) ?? "" };
  if (!("fullDocument" in change)) return NONE;
  // An update whose document is already gone (updateLookup found nothing) has no owner to tell.
  const doc = change.fullDocument;
  const userId = doc ? hex(doc.userId) : undefined;
  if (!doc || !userId) return NONE;
  const mapped = eventOf(collection, doc);
  if (!mapped) return NONE;
  return { kind: "event", routed: { userId, ...(mapped.conversationId ? { conversationId: mapped.conversationId } : {}), event: mapped.event } };
}
