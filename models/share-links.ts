/**
 * shareLinks: read-only snapshots of a conversation opened by an unguessable link (/s/<token>).
 * The snapshot holds only what a visitor may see (redacted by the sharing service before it is
 * stored), so the public page never reads the conversation, its details or the owner.
 * A visitor's lookup finds by the sha-256 of the token with one indexed query whose filter also
 * refuses revoked and expired links: an unknown, revoked or expired token costs the same single
 * miss. The token itself is kept for the owner, who copies the link again from Settings.
 * Revoked and expired links stay listed for a while, then a TTL index on `purgeAt` removes them.
 */
import "server-only";
import { ObjectId, type Collection, type Filter } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { countWith, deleteWith, findOneWith, findWith, hotQueriesOf, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { MESSAGE_SENDERS } from "@/lib/shared/chat/dto";
import type { MessageSender } from "@/lib/shared/chat/types";
import { TASK_STATUSES } from "@/lib/shared/projects/plan-schema";
import type { SharedTask } from "@/lib/shared/sharing/board";
import { SHARE_EXPIRIES, SHARE_KINDS, type ShareExpiry, type ShareKind } from "@/lib/shared/sharing/dto";
import { ownerForms, type Owner } from "@/models/conversations";

export interface ShareSnapshot {
  title: string;
  roleId: string;
  roleName: string;
  roleIcon: string;
  startedAt: Date;
  takenAt: Date;
  /** Only the fields the owner chose to show, formatted as the chat shows them. */
  details: { label: string; value: string }[];
  messages: { id: string; sender: MessageSender; message: string; timestamp: Date }[];
  /** messages.length, kept so lists that leave the messages out can still say how many. */
  messageCount: number;
  truncated: boolean;
}

/** A shared board: the project and its tasks as they were (redacted like the chat). */
export interface BoardSnapshot {
  name: string;
  description: string;
  status: "active" | "done" | "archived";
  tasks: SharedTask[];
}

export interface ShareLinkDoc {
  _id: ObjectId;
  userId: Owner;
  /** Absent on links made before boards could be shared: those are conversations. */
  kind?: ShareKind;
  /** For a board: the project's chat, whose snapshot holds its messages only with includeChat. */
  conversationId: ObjectId;
  projectId?: ObjectId;
  includeChat?: boolean;
  board?: BoardSnapshot;
  token: string;
  /** Hex sha-256 of the token: what a visitor's lookup filters by. */
  tokenHash: string;
  upToMessageId: ObjectId | null;
  visibleFields: string[];
  displayName: string;
  expiresIn: ShareExpiry;
  expiresAt?: Date;
  views: number;
  revokedAt: Date | null;
  /** When the TTL index removes the document (some time after it was revoked or expired). */
  purgeAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  snapshot: ShareSnapshot;
}

/** Settings lists them all, so the count per owner is bounded (revoked links count until purged). */
export const MAX_SHARES_PER_USER = 100;

export const shareLinksModel = defineModel({
  collection: "shareLinks",
  indexes: [
    { key: { tokenHash: 1 }, name: "tokenHash_unique", unique: true },
    { key: { userId: 1, createdAt: -1 }, name: "userId_createdAt" },
    { key: { userId: 1, conversationId: 1, createdAt: -1 }, name: "userId_conversationId_createdAt" },
    { key: { purgeAt: 1 }, name: "purgeAt_ttl", expireAfterSeconds: 0 },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "conversationId", "token", "tokenHash", "visibleFields", "displayName", "expiresIn", "views", "revokedAt", "createdAt", "updatedAt", "snapshot"],
    properties: {
      userId: { bsonType: "objectId" },
      conversationId: { bsonType: "objectId" },
      kind: { enum: [...SHARE_KINDS] },
      projectId: { bsonType: "objectId" },
      includeChat: { bsonType: "bool" },
      board: {
        bsonType: "object",
        required: ["name", "description", "status", "tasks"],
        properties: { tasks: { bsonType: "array", items: { bsonType: "object", required: ["title", "status"], properties: { status: { enum: [...TASK_STATUSES] } } } } },
      },
      token: { bsonType: "string", pattern: "^[A-Za-z0-9_-]{32}$" },
      tokenHash: { bsonType: "string", pattern: "^[0-9a-f]{64}$" },
      upToMessageId: { bsonType: ["objectId", "null"] },
      visibleFields: { bsonType: "array", items: { bsonType: "string" } },
      displayName: { bsonType: "string", maxLength: 60 },
      expiresIn: { enum: [...SHARE_EXPIRIES] },
      expiresAt: { bsonType: "date" },
      views: { bsonType: ["int", "long", "double"], minimum: 0 },
      revokedAt: { bsonType: ["date", "null"] },
      purgeAt: { bsonType: "date" },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
      snapshot: {
        bsonType: "object",
        required: ["title", "roleId", "roleName", "roleIcon", "startedAt", "takenAt", "details", "messages", "messageCount", "truncated"],
        properties: {
          messages: {
            bsonType: "array",
            items: { bsonType: "object", required: ["id", "sender", "message", "timestamp"], properties: { sender: { enum: [...MESSAGE_SENDERS] } } },
          },
        },
      },
    },
  },
});

async function shareLinks(): Promise<Collection<ShareLinkDoc>> {
  return modelCollection<ShareLinkDoc>(shareLinksModel);
}

/** Lists leave the snapshot's messages (the heavy part) and the hash in the database. */
const LIST_PROJECTION = { "snapshot.messages": 0, tokenHash: 0 };

const live = (now: Date): Filter<ShareLinkDoc> => ({ revokedAt: null, $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: now } }] });
/** A conversation link never opens as a board, nor a board as a conversation (older links have no kind). */
const ofKind = (kind: ShareKind): Filter<ShareLinkDoc> => (kind === "board" ? { kind: "board" } : { kind: { $ne: "board" } });

export const shareLinkQueries = {
  /** A visit: the live link with this hash, counted as one view, in one indexed round trip. */
  visit: (tokenHash: string, now: Date, kind: ShareKind = "conversation") =>
    shape.modify<ShareLinkDoc>({ filter: { tokenHash, ...live(now), ...ofKind(kind) }, update: { $inc: { views: 1 } } }),
  /** Continue in my account: the live conversation link, without counting a view. */
  live: (tokenHash: string, now: Date) => shape.findOne<ShareLinkDoc>({ filter: { tokenHash, ...live(now), ...ofKind("conversation") } }),
  find: (owner: Owner, id: ObjectId) => shape.findOne<ShareLinkDoc>({ filter: { _id: id, userId: owner }, projection: LIST_PROJECTION }),
  latestForConversation: (owner: Owner, conversationId: ObjectId, now: Date) =>
    shape.findOne<ShareLinkDoc>({ filter: { userId: owner, conversationId, ...live(now), ...ofKind("conversation") }, projection: LIST_PROJECTION, sort: { createdAt: -1 } }),
  latestForProject: (owner: Owner, projectId: ObjectId, now: Date) =>
    shape.findOne<ShareLinkDoc>({ filter: { userId: owner, projectId, ...live(now), ...ofKind("board") }, projection: LIST_PROJECTION, sort: { createdAt: -1 } }),
  list: (owner: Owner) => shape.find<ShareLinkDoc>({ filter: { userId: owner }, projection: LIST_PROJECTION, sort: { createdAt: -1 }, limit: MAX_SHARES_PER_USER }),
  count: (owner: Owner) => shape.count<ShareLinkDoc>({ userId: owner }),
  /** Update link: a new snapshot under the same token, only while the link is live. */
  resnapshot: (owner: Owner, id: ObjectId, set: Partial<ShareLinkDoc>, now: Date, neverExpires: boolean) =>
    shape.update<ShareLinkDoc>({
      filter: { _id: id, userId: owner, ...live(now) },
      update: { $set: set, ...(neverExpires ? { $unset: { expiresAt: "", purgeAt: "" } } : {}) },
    }),
  revoke: (owner: Owner, id: ObjectId, now: Date, purgeAt: Date) =>
    shape.update<ShareLinkDoc>({ filter: { _id: id, userId: owner, revokedAt: null }, update: { $set: { revokedAt: now, updatedAt: now, purgeAt } } }),
  deleteOfConversation: (owner: Owner, conversationId: ObjectId) => shape.deleteMany<ShareLinkDoc>({ userId: owner, conversationId }),
  deleteOfProject: (owner: Owner, projectId: ObjectId) => shape.deleteMany<ShareLinkDoc>({ userId: owner, projectId }),
  deleteOfUser: (owner: Owner) => shape.deleteMany<ShareLinkDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ShareLinkDoc>),
};

export const shareLinksHotQueries = hotQueriesOf(shareLinksModel.collection, "models/share-links.ts", {
  visit: ["visitShareLink", shareLinkQueries.visit("a".repeat(64), SAMPLE_DATE)],
  visitBoard: ["visitShareLink", shareLinkQueries.visit("a".repeat(64), SAMPLE_DATE, "board")],
  live: ["findLiveShareLink", shareLinkQueries.live("a".repeat(64), SAMPLE_DATE)],
  find: ["findShareLink", shareLinkQueries.find(SAMPLE_OWNER, sampleId(7))],
  latestForConversation: ["findLatestShareLink", shareLinkQueries.latestForConversation(SAMPLE_OWNER, sampleId(2), SAMPLE_DATE)],
  latestForProject: ["findLatestBoardShareLink", shareLinkQueries.latestForProject(SAMPLE_OWNER, sampleId(4), SAMPLE_DATE)],
  list: ["listShareLinks", shareLinkQueries.list(SAMPLE_OWNER)],
  count: ["countShareLinks", shareLinkQueries.count(SAMPLE_OWNER)],
  resnapshot: ["resnapshotShareLink", shareLinkQueries.resnapshot(SAMPLE_OWNER, sampleId(7), { updatedAt: SAMPLE_DATE }, SAMPLE_DATE, false)],
  revoke: ["revokeShareLink", shareLinkQueries.revoke(SAMPLE_OWNER, sampleId(7), SAMPLE_DATE, SAMPLE_DATE)],
  deleteOfConversation: ["deleteShareLinksOfConversation", shareLinkQueries.deleteOfConversation(SAMPLE_OWNER, sampleId(2))],
  deleteOfProject: ["deleteShareLinksOfProject", shareLinkQueries.deleteOfProject(SAMPLE_OWNER, sampleId(4))],
  deleteOfUser: ["deleteAllForOwner", shareLinkQueries.deleteOfUser(SAMPLE_OWNER)],
});

export type ShareLinkInfo = Omit<ShareLinkDoc, "tokenHash" | "snapshot"> & { snapshot: Omit<ShareSnapshot, "messages"> };

export async function insertShareLink(doc: ShareLinkDoc): Promise<void> {
  await (await shareLinks()).insertOne(doc);
}

export async function visitShareLink(tokenHash: string, now: Date = new Date(), kind: ShareKind = "conversation"): Promise<ShareLinkDoc | null> {
  return modifyWith(await shareLinks(), shareLinkQueries.visit(tokenHash, now, kind));
}

export async function findLiveShareLink(tokenHash: string, now: Date = new Date()): Promise<ShareLinkDoc | null> {
  return findOneWith(await shareLinks(), shareLinkQueries.live(tokenHash, now));
}

export async function findShareLink(owner: Owner, id: ObjectId): Promise<ShareLinkInfo | null> {
  return (await findOneWith(await shareLinks(), shareLinkQueries.find(owner, id))) as ShareLinkInfo | null;
}

export async function findLatestShareLink(owner: Owner, conversationId: ObjectId, now: Date = new Date()): Promise<ShareLinkInfo | null> {
  return (await findOneWith(await shareLinks(), shareLinkQueries.latestForConversation(owner, conversationId, now))) as ShareLinkInfo | null;
}

export async function findLatestBoardShareLink(owner: Owner, projectId: ObjectId, now: Date = new Date()): Promise<ShareLinkInfo | null> {
  return (await findOneWith(await shareLinks(), shareLinkQueries.latestForProject(owner, projectId, now))) as ShareLinkInfo | null;
}

export async function listShareLinks(owner: Owner): Promise<ShareLinkInfo[]> {
  return (await findWith(await shareLinks(), shareLinkQueries.list(owner)).toArray()) as ShareLinkInfo[];
}

export async function countShareLinks(owner: Owner): Promise<number> {
  return countWith(await shareLinks(), shareLinkQueries.count(owner));
}

/** Update link; `neverExpires` also removes an earlier expiry. */
export async function resnapshotShareLink(owner: Owner, id: ObjectId, set: Partial<ShareLinkDoc>, now: Date, neverExpires: boolean): Promise<boolean> {
  return (await updateWith(await shareLinks(), shareLinkQueries.resnapshot(owner, id, set, now, neverExpires))).matchedCount === 1;
}

export async function revokeShareLink(owner: Owner, id: ObjectId, now: Date, purgeAt: Date): Promise<boolean> {
  return (await updateWith(await shareLinks(), shareLinkQueries.revoke(owner, id, now, purgeAt))).matchedCount === 1;
}

export async function deleteShareLinksOfConversation(owner: Owner, conversationId: ObjectId): Promise<number> {
  return deleteWith(await shareLinks(), shareLinkQueries.deleteOfConversation(owner, conversationId));
}

export async function deleteShareLinksOfProject(owner: Owner, projectId: ObjectId): Promise<number> {
  return deleteWith(await shareLinks(), shareLinkQueries.deleteOfProject(owner, projectId));
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await shareLinks(), shareLinkQueries.deleteOfUser(owner));
}
