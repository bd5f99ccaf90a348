/**
 * conversations: one chat. It carries the role snapshot it was started with (instructions,
 * fields, temperature) so editing or deleting the role later never rewrites it. Every function
 * takes the owner and puts it in the filter: there is no "by id alone" variant.
 */
import "server-only";
import { ObjectId, type Collection, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { transactionSession } from "@/lib/server/infra/db/transaction";
import { deleteWith, findOneWith, findWith, modifyWith, updateWith } from "@/lib/server/infra/db/query-shape";
import { CONVERSATION_MODES } from "@/lib/shared/chat/dto";
import type { ConversationMode } from "@/lib/shared/chat/types";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { CONVERSATIONS_COLLECTION, conversationQueries as q } from "@/models/conversations-queries";

export { conversationsHotQueries, ownerForms } from "@/models/conversations-queries";

/** Who owns a document: the user's _id, stored as an ObjectId (as lib/server/services/account/delete-account.ts expects). */
export type Owner = ObjectId;

/** What a conversation was started with; copied from the role at start time. */
export interface RoleSnapshot {
  roleId: string;
  roleName: string;
  roleIcon: string;
  instructions: string;
  fields: RoleField[];
  temperature?: number;
}

/** "default" until the first exchange names it; "user" once renamed (then never auto-retitled). */
export const TITLE_SOURCES = ["default", "generated", "user"] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

export interface ConversationDoc extends RoleSnapshot {
  _id: ObjectId;
  userId: Owner;
  details: Record<string, unknown>;
  title: string;
  titleSource: TitleSource;
  createdAt: Date;
  updatedAt: Date;
  lastMessageAt: Date;
  messageCount: number;
  /** Absent on conversations made before modes existed: those are "chat". */
  mode?: ConversationMode;
  projectId?: ObjectId;
  /** Set on conversations brought in by an import: sha-256 of the source format and id, unique per owner. */
  importKey?: string;
}

/** The largest page any caller (sidebar or /api/v1, whose limit is ≤ 100) may ask for. */
export const MAX_CONVERSATION_PAGE = 100;

export const conversationsModel = defineModel({
  collection: CONVERSATIONS_COLLECTION,
  indexes: [
    { key: { userId: 1, lastMessageAt: -1, _id: -1 }, name: "userId_lastMessageAt_id" },
    // The data export reads a user's conversations (and, through them, messages) in creation
    // order, which does not move while it reads (lib/server/services/account/export-user-data.ts).
    { key: { userId: 1, createdAt: 1, _id: 1 }, name: "userId_createdAt_id" },
    // Search (models/search.ts): titles weigh above message bodies (weight 1).
    { key: { userId: 1, title: "text" }, name: "userId_title_text", weights: { title: 3 } },
    // Imports (lib/server/services/import/): the same source conversation is imported once per owner.
    { key: { userId: 1, importKey: 1 }, name: "userId_importKey_unique", unique: true, partialFilterExpression: { importKey: { $exists: true } } },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "roleId", "roleName", "instructions", "fields", "details", "title", "createdAt", "updatedAt", "lastMessageAt"],
    properties: {
      userId: { bsonType: "objectId" },
      roleId: { bsonType: "string", minLength: 1 },
      roleName: { bsonType: "string" },
      roleIcon: { bsonType: "string" },
      instructions: { bsonType: "string" },
      fields: { bsonType: "array" },
      temperature: { bsonType: ["double", "int", "long"] },
      details: { bsonType: "object" },
      title: { bsonType: "string", maxLength: 200 },
      titleSource: { enum: [...TITLE_SOURCES] },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
      lastMessageAt: { bsonType: "date" },
      messageCount: { bsonType: ["int", "long", "double"] },
      mode: { enum: [...CONVERSATION_MODES] },
      projectId: { bsonType: "objectId" },
      importKey: { bsonType: "string" },
    },
  },
});

async function conversations(): Promise<Collection<ConversationDoc>> {
  return modelCollection<ConversationDoc>(conversationsModel);
}

/** Parses a 24-hex id; anything else is simply "not found". */
export function parseObjectId(id: unknown): ObjectId | null {
  return typeof id === "string" && /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : null;
}

export async function createConversation(
  owner: Owner,
  input: { snapshot: RoleSnapshot; details: Record<string, unknown>; title: string; mode?: ConversationMode },
): Promise<ConversationDoc> {
  const now = new Date();
  const doc: ConversationDoc = {
    _id: new ObjectId(),
    userId: owner,
    ...input.snapshot,
    details: input.details,
    title: input.title,
    titleSource: "default",
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
    messageCount: 0,
    mode: input.mode ?? "chat",
  };
  if (doc.temperature === undefined) delete doc.temperature;
  await (await conversations()).insertOne(doc);
  return doc;
}

/** An imported conversation, written with the source's title and dates and its import key. */
export async function insertImportedConversation(
  owner: Owner,
  input: { snapshot: RoleSnapshot; details: Record<string, unknown>; title: string; importKey: string; createdAt: Date; updatedAt: Date; lastMessageAt: Date; messageCount: number },
): Promise<ConversationDoc> {
  const { snapshot, ...rest } = input;
  const doc: ConversationDoc = { _id: new ObjectId(), userId: owner, ...snapshot, ...rest, titleSource: "user", mode: "chat" };
  if (doc.temperature === undefined) delete doc.temperature;
  await (await conversations()).insertOne(doc, transactionSession());
  return doc;
}

export async function findConversationByImportKey(owner: Owner, importKey: string): Promise<ConversationDoc | null> {
  return findOneWith(await conversations(), q.byImportKey(owner, importKey));
}

export async function findConversation(owner: Owner, id: string): Promise<ConversationDoc | null> {
  const _id = parseObjectId(id);
  return _id ? findOneWith(await conversations(), q.find(owner, _id)) : null;
}

export interface ConversationCursor {
  lastMessageAt: Date;
  id: ObjectId;
}

export function encodeConversationCursor(doc: Pick<ConversationDoc, "_id" | "lastMessageAt">): string {
  return Buffer.from(`${doc.lastMessageAt.getTime()}.${doc._id.toHexString()}`).toString("base64url");
}

/** A cursor from a client; anything malformed is null (callers treat it as "first page"). */
export function decodeConversationCursor(cursor: string): ConversationCursor | null {
  const match = /^(\d{1,15})\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? { lastMessageAt: new Date(Number(match[1])), id: new ObjectId(match[2]) } : null;
}

/** Newest first, keyset-paginated on (lastMessageAt, _id), served by the userId_lastMessageAt_id index. */
export async function listConversationsPage(
  owner: Owner,
  options: { cursor?: ConversationCursor | null; limit?: number } = {},
): Promise<{ items: ConversationDoc[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 30)), MAX_CONVERSATION_PAGE);
  const docs = await findWith(await conversations(), q.page(owner, options.cursor, limit + 1)).toArray();
  const items = docs.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > limit && last ? encodeConversationCursor(last) : null };
}

export async function renameConversation(owner: Owner, id: string, title: string): Promise<boolean> {
  const _id = parseObjectId(id);
  if (!_id) return false;
  const result = await updateWith(await conversations(), q.update(owner, _id, { $set: { title, titleSource: "user", updatedAt: new Date() } }));
  return result.matchedCount === 1;
}

/** Sets the generated title unless the user named the conversation in the meantime. */
export async function setGeneratedTitle(owner: Owner, id: ObjectId, title: string): Promise<boolean> {
  const result = await updateWith(await conversations(), q.setGeneratedTitle(owner, id, title, new Date()));
  return result.modifiedCount === 1;
}

export async function updateConversationDetails(
  owner: Owner,
  id: ObjectId,
  details: Record<string, unknown>,
): Promise<ConversationDoc | null> {
  return modifyWith(await conversations(), q.updateDetails(owner, id, details, new Date()));
}

/** Makes the conversation the project's chat; false if it is not the owner's. */
export async function linkConversationToProject(owner: Owner, conversationId: ObjectId, projectId: ObjectId): Promise<boolean> {
  const result = await updateWith(await conversations(), q.update(owner, conversationId, { $set: { projectId, updatedAt: new Date() } }));
  return result.matchedCount === 1;
}

/** Records activity: moves the conversation to the top of the sidebar and adjusts its count. */
export async function touchConversation(owner: Owner, id: ObjectId, at: Date, messageDelta: number): Promise<void> {
  await updateWith(await conversations(), q.update(owner, id, { $max: { lastMessageAt: at }, $inc: { messageCount: messageDelta }, $set: { updatedAt: new Date() } }));
}

export async function deleteConversation(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await deleteWith(await conversations(), q.delete(owner, id))) === 1;
}

export async function deleteAllConversations(owner: Owner): Promise<number> {
  return deleteWith(await conversations(), q.deleteAll(owner));
}

/** The owner's most recently active conversation with a role (the brief's "chat type"), or null. */
export async function findLatestConversationForRole(owner: Owner, roleId: string): Promise<ConversationDoc | null> {
  // The userId prefix of userId_lastMessageAt_id serves this, already in lastMessageAt order.
  return findOneWith(await conversations(), q.latestForRole(owner, roleId));
}

/** Ids of the owner's conversations with a role, bounded (callers delete in rounds). */
export async function listConversationIdsForRole(owner: Owner, roleId: string, limit = 500): Promise<ObjectId[]> {
  const docs = await findWith(await conversations(), q.idsForRole(owner, roleId, limit)).toArray();
  return docs.map((doc) => doc._id);
}

/** Account deletion: ids of every conversation of the owner (in either stored form), so their messages go too. */
export async function listIdsForOwner(owner: Owner): Promise<ObjectId[]> {
  return (await findWith(await conversations(), q.idsOfUser(owner)).toArray()).map((doc) => doc._id);
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await conversations(), q.deleteOfUser(owner));
}

/** The data export, in creation order, streamed in batches. */
export async function exportConversations(owner: Owner, batchSize: number): Promise<FindCursor<WithId<ConversationDoc>>> {
  return findWith(await conversations(), q.export(owner), { batchSize });
}

/** The same order, ids only: the export reads messages conversation by conversation. */
export async function exportConversationIds(owner: Owner, batchSize: number): Promise<FindCursor<WithId<ConversationDoc>>> {
  return findWith(await conversations(), q.export(owner, true), { batchSize });
}
