/**
 * Every query models/messages.ts sends, as shape builders: the model's functions run exactly
 * these, and `messagesHotQueries` lists the same builders with sample values for db:check, so
 * the checked query is the sent one. Split from messages.ts only to keep each file short.
 */
import "server-only";
import type { Filter, ObjectId } from "mongodb";
import { hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";
import type { MessageSender, ProposalState } from "@/lib/shared/chat/types";
import type { MessageDoc, StoredProposal } from "@/models/messages";

export const MESSAGES_COLLECTION = "messages";

/** At most this many replies follow the last user message (one per regenerate or retry, in practice). */
export const MAX_REPLIES_AFTER = 500;

const byId = (owner: Owner, id: ObjectId) => ({ _id: id, userId: owner });
const ofConversation = (owner: Owner, conversationId: ObjectId) => ({ conversationId, userId: owner });

export const messageQueries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<MessageDoc>({ filter: byId(owner, id) }),
  finalize: (owner: Owner, id: ObjectId, set: Partial<MessageDoc>) => shape.modify<MessageDoc>({ filter: byId(owner, id), update: { $set: set } }),
  transitionProposal: (owner: Owner, id: ObjectId, kind: StoredProposal["kind"], from: ProposalState, set: Record<string, unknown>) =>
    shape.modify<MessageDoc>({ filter: { ...byId(owner, id), sender: "ai", "proposal.kind": kind, "proposal.state": from }, update: { $set: set } }),
  replaceText: (owner: Owner, id: ObjectId, message: string) =>
    shape.modify<MessageDoc>({ filter: { ...byId(owner, id), sender: "user" }, update: { $set: { message } } }),
  /** The newest `limit` messages, newest first (the caller reverses). */
  recent: (owner: Owner, conversationId: ObjectId, limit: number) =>
    shape.find<MessageDoc>({ filter: ofConversation(owner, conversationId), sort: { timestamp: -1 }, limit }),
  /** Keyset page in either direction: past `after` in the order's direction (from the end when null); `limit` is what to fetch (page size + 1). */
  page: (owner: Owner, conversationId: ObjectId, direction: 1 | -1, after: Date | null | undefined, limit: number) =>
    shape.find<MessageDoc>({
      filter: { ...ofConversation(owner, conversationId), ...(after ? { timestamp: direction === 1 ? { $gt: after } : { $lt: after } } : {}) },
      sort: { timestamp: direction },
      limit,
    }),
  lastTurn: (owner: Owner, conversationId: ObjectId, sender?: MessageSender) =>
    shape.findOne<MessageDoc>({ filter: { ...ofConversation(owner, conversationId), kind: { $ne: "notice" }, ...(sender ? { sender } : {}) }, sort: { timestamp: -1 } }),
  /** The replies deleteRepliesAfter will delete (their files go first); bounded, there are rarely more than one. */
  repliesAfter: (owner: Owner, conversationId: ObjectId, timestamp: Date) =>
    shape.find<MessageDoc>({
      filter: { ...ofConversation(owner, conversationId), sender: "ai", timestamp: { $gt: timestamp } },
      projection: { _id: 1 },
      limit: MAX_REPLIES_AFTER,
    }),
  deleteRepliesAfter: (owner: Owner, conversationId: ObjectId, timestamp: Date) =>
    shape.deleteMany<MessageDoc>({ ...ofConversation(owner, conversationId), sender: "ai", timestamp: { $gt: timestamp } }),
  delete: (owner: Owner, conversationId: ObjectId, id: ObjectId) => shape.deleteOne<MessageDoc>({ _id: id, conversationId, userId: owner }),
  deleteOfConversation: (owner: Owner, conversationId: ObjectId) => shape.deleteMany<MessageDoc>(ofConversation(owner, conversationId)),
  deleteAll: (owner: Owner) => shape.deleteMany<MessageDoc>({ userId: owner }),
  /** Account deletion: by owner (in either stored form) and, for safety, by the owner's conversations. */
  deleteOfUser: (owner: Owner, conversationIds: readonly ObjectId[]) =>
    shape.deleteMany<MessageDoc>({
      $or: [{ userId: { $in: ownerForms(owner) } }, { conversationId: { $in: conversationIds.flatMap(ownerForms) } }],
    } as Filter<MessageDoc>),
  /** The data export: one conversation's messages, oldest first. */
  exportOfConversation: (owner: Owner, conversationId: ObjectId) =>
    shape.find<MessageDoc>({ filter: ofConversation(owner, conversationId), sort: { timestamp: 1 } }),
};

const owner = SAMPLE_OWNER;
const conversationId = sampleId(2);
const messageId = sampleId(3);
const at = SAMPLE_DATE;
const q = messageQueries;

export const messagesHotQueries = hotQueriesOf(MESSAGES_COLLECTION, "models/messages.ts", {
  recent: ["listRecentMessages", q.recent(owner, conversationId, 50)],
  newestPage: ["listMessagesPage", q.page(owner, conversationId, -1, null, 51)],
  firstPage: ["listMessagesPage", q.page(owner, conversationId, 1, null, 51)],
  pageAsc: ["listMessagesPage", q.page(owner, conversationId, 1, at, 101)],
  pageDesc: ["listMessagesPage", q.page(owner, conversationId, -1, at, 101)],
  find: ["findMessage", q.find(owner, messageId)],
  transitionProposal: ["transitionProposal", q.transitionProposal(owner, messageId, "plan", "proposed", { "proposal.state": "applied", "proposal.decidedAt": at })],
  lastTurn: ["findLastTurn", q.lastTurn(owner, conversationId, "ai")],
  finalizeReply: ["finalizeReply", q.finalize(owner, messageId, { message: "m", status: "complete" })],
  replaceText: ["replaceMessageText", q.replaceText(owner, messageId, "m")],
  repliesAfter: ["listRepliesAfter", q.repliesAfter(owner, conversationId, at)],
  deleteRepliesAfter: ["deleteRepliesAfter", q.deleteRepliesAfter(owner, conversationId, at)],
  delete: ["deleteMessage", q.delete(owner, conversationId, messageId)],
  deleteOfConversation: ["deleteConversationMessages", q.deleteOfConversation(owner, conversationId)],
  deleteAll: ["deleteAllMessages", q.deleteAll(owner)],
  deleteOfUser: ["deleteAllForOwner", q.deleteOfUser(owner, [conversationId])],
  exportOfConversation: ["exportConversationMessages", q.exportOfConversation(owner, conversationId)],
});
