/**
 * Every query models/conversations.ts sends, as shape builders the model's functions run, and
 * `conversationsHotQueries`: the same builders with sample values, for db:check. Split from
 * conversations.ts only to keep each file short.
 */
import "server-only";
import type { Filter, ObjectId } from "mongodb";
import { hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import type { ConversationCursor, ConversationDoc, Owner } from "@/models/conversations";

export const CONVERSATIONS_COLLECTION = "conversations";

/** The sidebar leaves out the heavy snapshot fields. */
const LIST_PROJECTION = { instructions: 0, fields: 0, details: 0 };
const NEWEST_FIRST = { lastMessageAt: -1, _id: -1 } as const;
const CREATION_ORDER = { createdAt: 1, _id: 1 } as const;

/**
 * Both forms an owner may be stored in by older documents (the ObjectId and its hex string);
 * account deletion and its safety nets match either.
 */
export function ownerForms(id: ObjectId): (ObjectId | string)[] {
  return [id, id.toHexString()];
}

const byId = (owner: Owner, id: ObjectId) => ({ _id: id, userId: owner });

export const conversationQueries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<ConversationDoc>({ filter: byId(owner, id) }),
  byImportKey: (owner: Owner, importKey: string) => shape.findOne<ConversationDoc>({ filter: { userId: owner, importKey }, projection: { _id: 1 } }),
  page: (owner: Owner, cursor: ConversationCursor | null | undefined, limit: number) =>
    shape.find<ConversationDoc>({
      filter: cursor
        ? { userId: owner, $or: [{ lastMessageAt: { $lt: cursor.lastMessageAt } }, { lastMessageAt: cursor.lastMessageAt, _id: { $lt: cursor.id } }] }
        : { userId: owner },
      sort: NEWEST_FIRST,
      projection: LIST_PROJECTION,
      limit,
    }),
  /** Any update of one conversation by id (rename, link, touch); `only` narrows the filter. */
  update: (owner: Owner, id: ObjectId, update: Record<string, unknown>, only: Filter<ConversationDoc> = {}) =>
    shape.update<ConversationDoc>({ filter: { ...byId(owner, id), ...only }, update }),
  /** The generated title never replaces one the user chose. */
  setGeneratedTitle: (owner: Owner, id: ObjectId, title: string, at: Date) =>
    conversationQueries.update(owner, id, { $set: { title, titleSource: "generated", updatedAt: at } }, { titleSource: { $ne: "user" } }),
  updateDetails: (owner: Owner, id: ObjectId, details: Record<string, unknown>, at: Date) =>
    shape.modify<ConversationDoc>({ filter: byId(owner, id), update: { $set: { details, updatedAt: at } } }),
  delete: (owner: Owner, id: ObjectId) => shape.deleteOne<ConversationDoc>(byId(owner, id)),
  deleteAll: (owner: Owner) => shape.deleteMany<ConversationDoc>({ userId: owner }),
  latestForRole: (owner: Owner, roleId: string) => shape.findOne<ConversationDoc>({ filter: { userId: owner, roleId }, sort: NEWEST_FIRST }),
  idsForRole: (owner: Owner, roleId: string, limit: number) =>
    shape.find<ConversationDoc>({ filter: { userId: owner, roleId }, projection: { _id: 1 }, limit }),
  /** Account deletion: by the owner in either stored form. */
  idsOfUser: (owner: Owner) => shape.find<ConversationDoc>({ filter: { userId: { $in: ownerForms(owner) } } as Filter<ConversationDoc>, projection: { _id: 1 } }),
  deleteOfUser: (owner: Owner) => shape.deleteMany<ConversationDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ConversationDoc>),
  /** The data export, in creation order (which does not move while it reads); `idsOnly` for the message pass. */
  export: (owner: Owner, idsOnly = false) =>
    shape.find<ConversationDoc>({ filter: { userId: owner }, sort: CREATION_ORDER, ...(idsOnly ? { projection: { _id: 1 } } : {}) }),
};

const owner = SAMPLE_OWNER;
const conversationId = sampleId(2);
const at = SAMPLE_DATE;
const q = conversationQueries;

export const conversationsHotQueries = hotQueriesOf(CONVERSATIONS_COLLECTION, "models/conversations.ts", {
  find: ["findConversation", q.find(owner, conversationId)],
  byImportKey: ["findConversationByImportKey", q.byImportKey(owner, "0".repeat(64))],
  firstPage: ["listConversationsPage", q.page(owner, null, 31)],
  nextPage: ["listConversationsPage", q.page(owner, { lastMessageAt: at, id: conversationId }, 31)],
  rename: ["renameConversation", q.update(owner, conversationId, { $set: { title: "t", titleSource: "user", updatedAt: at } })],
  updateDetails: ["updateConversationDetails", q.updateDetails(owner, conversationId, {}, at)],
  touch: ["touchConversation", q.update(owner, conversationId, { $max: { lastMessageAt: at }, $inc: { messageCount: 1 }, $set: { updatedAt: at } })],
  delete: ["deleteConversation", q.delete(owner, conversationId)],
  deleteAll: ["deleteAllConversations", q.deleteAll(owner)],
  setGeneratedTitle: ["setGeneratedTitle", q.setGeneratedTitle(owner, conversationId, "t", at)],
  linkToProject: ["linkConversationToProject", q.update(owner, conversationId, { $set: { projectId: sampleId(4), updatedAt: at } })],
  latestForRole: ["findLatestConversationForRole", q.latestForRole(owner, "tech-support")],
  idsForRole: ["listConversationIdsForRole", q.idsForRole(owner, "tech-support", 500)],
  deleteOfUser: ["deleteAllForOwner", q.deleteOfUser(owner)],
  idsOfOwner: ["listIdsForOwner", q.idsOfUser(owner)],
  export: ["exportConversations", q.export(owner)],
  exportIds: ["exportConversationIds", q.export(owner, true)],
});
