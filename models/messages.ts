/**
 * messages: the turns of a conversation. Reads are always scoped by owner and conversation and
 * bounded; timestamps within a conversation strictly increase (see `nextTimestamp`), so
 * ordering by `timestamp` alone is total and served by the conversationId_timestamp index.
 */
import "server-only";
import { ObjectId, type Collection, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, findWith, modifyWith } from "@/lib/server/infra/db/query-shape";
import { transactionSession } from "@/lib/server/infra/db/transaction";
import type { DetailsProposalDTO } from "@/lib/shared/chat/types";
import type { ChangeProposal, Plan } from "@/lib/shared/projects/plan-schema";
import { MESSAGE_KINDS, MESSAGE_SENDERS, MESSAGE_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATES } from "@/lib/shared/chat/dto";
import type { MessageKind, MessageSender, MessageStatus, ProposalState, TokenUsage } from "@/lib/shared/chat/types";
import type { Owner } from "@/models/conversations";
import { MESSAGES_COLLECTION, messageQueries as q } from "@/models/messages-queries";

export { messagesHotQueries } from "@/models/messages-queries";


/**
 * A plan or change set the AI proposed, stored on its reply so the card survives a reload. For a
 * plan that became a project, `plan` is what the user kept and `projectId` where it went.
 */
export type StoredProposal = (
  | { kind: "plan"; plan: Plan; projectId?: ObjectId }
  | { kind: "changes"; changes: ChangeProposal; taskTitles?: Record<string, string> }
  | StoredDetailsProposal
) & {
  state: ProposalState;
  decidedAt?: Date;
};

/** A new value for one of the role's details, stored as the card shows it (no ids or dates inside). */
export type StoredDetailsProposal = DetailsProposalDTO;

export interface MessageDoc {
  _id: ObjectId;
  conversationId: ObjectId;
  userId: Owner;
  sender: MessageSender;
  kind: MessageKind;
  message: string;
  timestamp: Date;
  status: MessageStatus;
  model?: string;
  usage?: TokenUsage;
  errorCode?: string;
  proposal?: StoredProposal;
  /** Files sent with a user message; the bytes live in the attachments bucket (models/attachments.ts). */
  attachments?: StoredAttachmentRef[];
}

/** What a message keeps of each file it carries, to render without reading the bucket. */
export interface StoredAttachmentRef {
  id: ObjectId;
  name: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
  pages?: number;
  hasThumbnail: boolean;
}

export const messagesModel = defineModel({
  collection: MESSAGES_COLLECTION,
  indexes: [
    { key: { conversationId: 1, timestamp: 1 }, name: "conversationId_timestamp" },
    // deleteAllMessages and account deletion (lib/server/services/account/delete-account.ts) remove by owner alone.
    { key: { userId: 1 }, name: "userId" },
    // Search (models/search.ts): a user's messages by words; userId first so $text reads only the owner's.
    { key: { userId: 1, message: "text" }, name: "userId_message_text" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["conversationId", "userId", "sender", "message", "timestamp", "status"],
    properties: {
      conversationId: { bsonType: "objectId" },
      userId: { bsonType: "objectId" },
      sender: { enum: [...MESSAGE_SENDERS] },
      kind: { enum: [...MESSAGE_KINDS] },
      message: { bsonType: "string" },
      timestamp: { bsonType: "date" },
      status: { enum: [...MESSAGE_STATUSES] },
      model: { bsonType: "string" },
      usage: { bsonType: "object" },
      errorCode: { bsonType: "string" },
      attachments: { bsonType: "array", items: { bsonType: "object", required: ["id", "name", "mime", "size"], properties: { id: { bsonType: "objectId" } } } },
      proposal: {
        bsonType: "object",
        required: ["kind", "state"],
        properties: {
          kind: { enum: [...PROPOSAL_KINDS] },
          state: { enum: [...PROPOSAL_STATES] },
          plan: { bsonType: "object" },
          changes: { bsonType: "object" },
          projectId: { bsonType: "objectId" },
          taskTitles: { bsonType: "object" },
          decidedAt: { bsonType: "date" },
        },
      },
    },
  },
});

async function messages(): Promise<Collection<MessageDoc>> {
  return modelCollection<MessageDoc>(messagesModel);
}

/** Now, or 1 ms after `after` if the clock has not moved on: keeps the order total. */
export function nextTimestamp(after?: Date): Date {
  const now = Date.now();
  return new Date(after && after.getTime() >= now ? after.getTime() + 1 : now);
}

export interface NewMessage {
  /** A caller may choose the id, to name the message before the write has finished. */
  id?: ObjectId;
  sender: MessageSender;
  kind?: MessageKind;
  message: string;
  status: MessageStatus;
  /** The message is timestamped after this (the conversation's or the previous message's last). */
  after?: Date;
  attachments?: StoredAttachmentRef[];
}

function toMessageDoc(owner: Owner, conversationId: ObjectId, input: NewMessage, after = input.after): MessageDoc {
  return {
    _id: input.id ?? new ObjectId(),
    conversationId,
    userId: owner,
    sender: input.sender,
    kind: input.kind ?? "message",
    message: input.message,
    timestamp: nextTimestamp(after),
    status: input.status,
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
  };
}

export async function insertMessage(owner: Owner, conversationId: ObjectId, input: NewMessage): Promise<MessageDoc> {
  const doc = toMessageDoc(owner, conversationId, input);
  await (await messages()).insertOne(doc);
  return doc;
}

/**
 * Several messages in one ordered write (one round trip), each timestamped after the one before
 * it: a later one is never saved without the earlier ones.
 */
export async function insertMessages(owner: Owner, conversationId: ObjectId, inputs: NewMessage[]): Promise<MessageDoc[]> {
  const docs: MessageDoc[] = [];
  for (const input of inputs) docs.push(toMessageDoc(owner, conversationId, input, docs.at(-1)?.timestamp ?? input.after));
  await (await messages()).insertMany(docs, { ordered: true });
  return docs;
}

/**
 * An imported conversation's messages with the source's own times, already strictly increasing
 * (the importer makes them so), in one ordered write.
 */
export async function insertImportedMessages(owner: Owner, conversationId: ObjectId, inputs: { sender: MessageSender; message: string; timestamp: Date }[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const docs: MessageDoc[] = inputs.map((input) => ({ _id: new ObjectId(), conversationId, userId: owner, kind: "message", status: "complete", ...input }));
  await (await messages()).insertMany(docs, { ordered: true, ...transactionSession() });
  return docs.length;
}

/** Writes a reply's final text and outcome. Returns the stored document (null if it is gone). */
export async function finalizeReply(
  owner: Owner,
  id: ObjectId,
  outcome: {
    message: string;
    status: Exclude<MessageStatus, "streaming">;
    model?: string;
    usage?: TokenUsage;
    errorCode?: string;
    proposal?: StoredProposal;
  },
): Promise<MessageDoc | null> {
  const { message, status, ...optional } = outcome;
  // Only the optional fields the reply has: an absent model or usage is not written as null.
  const set: Partial<MessageDoc> = { message, status, ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)) };
  return modifyWith(await messages(), q.finalize(owner, id, set));
}

export async function findMessage(owner: Owner, id: ObjectId): Promise<MessageDoc | null> {
  return findOneWith(await messages(), q.find(owner, id));
}

/**
 * Moves a proposal from one state to another in one conditional write, so two clicks (or two
 * tabs) can never apply it twice: only the write that finds it in `from` succeeds. `set` writes
 * more fields of the proposal (the user's edited plan, the project it became).
 */
export async function transitionProposal(
  owner: Owner,
  id: ObjectId,
  change: { kind: StoredProposal["kind"]; from: ProposalState; to: ProposalState; set?: { plan?: Plan; projectId?: ObjectId } },
): Promise<MessageDoc | null> {
  const set: Record<string, unknown> = { "proposal.state": change.to, "proposal.decidedAt": new Date() };
  if (change.set?.plan) set["proposal.plan"] = change.set.plan;
  if (change.set?.projectId) set["proposal.projectId"] = change.set.projectId;
  return modifyWith(await messages(), q.transitionProposal(owner, id, change.kind, change.from, set));
}

/** The newest `limit` messages, oldest first (the page view and the model's context window). */
export async function listRecentMessages(owner: Owner, conversationId: ObjectId, limit: number): Promise<MessageDoc[]> {
  const docs = await findWith(await messages(), q.recent(owner, conversationId, Math.max(1, Math.floor(limit)))).toArray();
  return docs.reverse();
}

/** The last chat turn (notices skipped), or null in an empty conversation. */
export async function findLastTurn(owner: Owner, conversationId: ObjectId, sender?: MessageSender): Promise<MessageDoc | null> {
  return findOneWith(await messages(), q.lastTurn(owner, conversationId, sender));
}

export async function replaceMessageText(owner: Owner, id: ObjectId, message: string): Promise<MessageDoc | null> {
  return modifyWith(await messages(), q.replaceText(owner, id, message));
}

/** The ids of the AI replies written after `timestamp` (what deleteRepliesAfter deletes). */
export async function listRepliesAfter(owner: Owner, conversationId: ObjectId, timestamp: Date): Promise<ObjectId[]> {
  return (await findWith(await messages(), q.repliesAfter(owner, conversationId, timestamp)).toArray()).map((doc) => doc._id);
}

/** Deletes the AI replies written after `timestamp` (edit drops the answer to the old text; notices stay). */
export async function deleteRepliesAfter(owner: Owner, conversationId: ObjectId, timestamp: Date): Promise<number> {
  return deleteWith(await messages(), q.deleteRepliesAfter(owner, conversationId, timestamp));
}

export async function deleteMessage(owner: Owner, conversationId: ObjectId, id: ObjectId): Promise<boolean> {
  return (await deleteWith(await messages(), q.delete(owner, conversationId, id))) === 1;
}

export async function deleteConversationMessages(owner: Owner, conversationId: ObjectId): Promise<number> {
  return deleteWith(await messages(), q.deleteOfConversation(owner, conversationId));
}

export async function deleteAllMessages(owner: Owner): Promise<number> {
  return deleteWith(await messages(), q.deleteAll(owner));
}

/** Account deletion: everything of the owner's, and anything left under the owner's conversations. */
export async function deleteAllForOwner(owner: Owner, conversationIds: readonly ObjectId[]): Promise<number> {
  return deleteWith(await messages(), q.deleteOfUser(owner, conversationIds));
}

/** The data export: one conversation's messages, oldest first, streamed in batches. */
export async function exportConversationMessages(owner: Owner, conversationId: ObjectId, batchSize: number): Promise<FindCursor<WithId<MessageDoc>>> {
  return findWith(await messages(), q.exportOfConversation(owner, conversationId), { batchSize });
}

/** Where a page of a conversation starts: before a time (null: the newest), after one (null: the first), or around a message. */
export type MessagePageAnchor = { before: Date | null } | { after: Date | null } | { around: Date };

export interface MessagesPage {
  /** Oldest first. */
  messages: MessageDoc[];
  hasOlder: boolean;
  hasNewer: boolean;
}

async function pageFrom(owner: Owner, conversationId: ObjectId, direction: 1 | -1, from: Date | null, limit: number): Promise<{ docs: MessageDoc[]; more: boolean }> {
  const docs = await findWith(await messages(), q.page(owner, conversationId, direction, from, limit + 1)).toArray();
  return { docs: docs.slice(0, limit), more: docs.length > limit };
}

/**
 * The one message pager (the chat page, "load more" both ways, the API, the compatibility
 * export): up to `limit` messages from an anchor, oldest first. Timestamps are unique within a
 * conversation (see nextTimestamp), so a timestamp is a complete keyset cursor and the
 * conversationId_timestamp index serves the filter and the sort in either direction. `around`
 * centres the page on a message (search's "jump to the match"), the message itself included.
 */
export async function listMessagesPage(owner: Owner, conversationId: ObjectId, anchor: MessagePageAnchor, limit: number): Promise<MessagesPage> {
  const size = Math.max(1, Math.floor(limit));
  if ("before" in anchor) {
    const older = await pageFrom(owner, conversationId, -1, anchor.before, size);
    return { messages: older.docs.reverse(), hasOlder: older.more, hasNewer: anchor.before !== null };
  }
  if ("after" in anchor) {
    const newer = await pageFrom(owner, conversationId, 1, anchor.after, size);
    return { messages: newer.docs, hasOlder: anchor.after !== null, hasNewer: newer.more };
  }
  const half = Math.max(1, Math.floor(size / 2));
  const [older, newer] = await Promise.all([
    pageFrom(owner, conversationId, -1, anchor.around, half),
    pageFrom(owner, conversationId, 1, new Date(anchor.around.getTime() - 1), size - half),
  ]);
  return { messages: [...older.docs.reverse(), ...newer.docs], hasOlder: older.more, hasNewer: newer.more };
}
