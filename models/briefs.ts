/**
 * briefs: the details a user last filled for a role, so the next chat with it starts pre-filled.
 * One per (user, role), enforced by a unique index; writes are upserts. Each brief carries its
 * own change history (bounded), written in the same single-document update as the change, so a
 * value and its history entry are never apart.
 */
import "server-only";
import { ObjectId, type Collection, type Filter, type FindCursor, type UpdateFilter, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, findWith, hotQueriesOf, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

/** Where a brief's value came from: the details form, a details card in a chat, or a restore from history. */
export type BriefChangeSource = "form" | "chat" | "restore";

export interface BriefHistoryEntry {
  _id: ObjectId;
  key: string;
  /** Absent: the value was cleared. */
  value?: unknown;
  /** Absent: there was no value before. */
  previous?: unknown;
  at: Date;
  source: BriefChangeSource;
  /** For "chat": the conversation and the AI reply whose card was applied. */
  conversationId?: ObjectId;
  messageId?: ObjectId;
}

export interface BriefDoc {
  _id: ObjectId;
  userId: Owner;
  roleId: string;
  details: Record<string, unknown>;
  updatedAt: Date;
  /** Newest last; at most BRIEF_HISTORY_MAX entries. */
  history?: BriefHistoryEntry[];
  /** When the last conversation with this role was started ("what changed since"). */
  lastChatAt?: Date;
}

/** The most history entries a brief keeps (the oldest go first): a brief stays one small document. */
export const BRIEF_HISTORY_MAX = 100;

/** How many recent briefs are read to offer shared fields (age, country, ...) across roles. */
export const MAX_BRIEFS_SCANNED = 50;

export const briefsModel = defineModel({
  collection: "briefs",
  indexes: [
    { key: { userId: 1, roleId: 1 }, name: "userId_roleId_unique", unique: true },
    { key: { userId: 1, updatedAt: -1 }, name: "userId_updatedAt" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "roleId", "details", "updatedAt"],
    properties: {
      userId: { bsonType: "objectId" },
      roleId: { bsonType: "string", minLength: 1 },
      details: { bsonType: "object" },
      updatedAt: { bsonType: "date" },
      history: { bsonType: "array", maxItems: BRIEF_HISTORY_MAX },
      lastChatAt: { bsonType: "date" },
    },
  },
});

async function briefs(): Promise<Collection<BriefDoc>> {
  return modelCollection<BriefDoc>(briefsModel);
}

const ofRole = (owner: Owner, roleId: string) => ({ userId: owner, roleId });

const pushHistory = (entries: readonly BriefHistoryEntry[]) =>
  entries.length > 0 ? { $push: { history: { $each: [...entries], $slice: -BRIEF_HISTORY_MAX } } } : {};

/** `details.<key>` equal to `value`, or absent when `value` is undefined (a compare-and-set guard). */
const valueIs = (key: string, value: unknown) => ({ [`details.${key}`]: value === undefined ? { $exists: false } : value });

export const briefQueries = {
  upsert: (owner: Owner, roleId: string, details: Record<string, unknown>, at: Date, history: readonly BriefHistoryEntry[] = [], chatAt?: Date) =>
    shape.update<BriefDoc>({
      filter: ofRole(owner, roleId),
      update: { $set: { details, updatedAt: at, ...(chatAt ? { lastChatAt: chatAt } : {}) }, ...pushHistory(history) } as UpdateFilter<BriefDoc>,
      upsert: true,
    }),
  /**
   * One field's value and its history entry in one write, only if the field still holds
   * `entry.previous` (so a concurrent change is never overwritten unseen) and, for a card, only
   * if this message's change is not already recorded.
   */
  setValue: (owner: Owner, roleId: string, entry: BriefHistoryEntry) =>
    shape.modify<BriefDoc>({
      filter: {
        ...ofRole(owner, roleId),
        ...valueIs(entry.key, entry.previous),
        ...(entry.messageId ? { "history.messageId": { $ne: entry.messageId } } : {}),
      } as Filter<BriefDoc>,
      update: {
        $set: { ...(entry.value === undefined ? {} : { [`details.${entry.key}`]: entry.value }), updatedAt: entry.at },
        ...(entry.value === undefined ? { $unset: { [`details.${entry.key}`]: "" } } : {}),
        ...pushHistory([entry]),
      } as UpdateFilter<BriefDoc>,
    }),
  find: (owner: Owner, roleId: string) => shape.findOne<BriefDoc>({ filter: ofRole(owner, roleId) }),
  recent: (owner: Owner, limit: number) => shape.find<BriefDoc>({ filter: { userId: owner }, sort: { updatedAt: -1 }, limit }),
  delete: (owner: Owner, roleId: string) => shape.deleteOne<BriefDoc>(ofRole(owner, roleId)),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (owner: Owner) => shape.deleteMany<BriefDoc>({ userId: { $in: ownerForms(owner) } } as Filter<BriefDoc>),
  export: (owner: Owner) => shape.find<BriefDoc>({ filter: { userId: owner }, sort: { roleId: 1 } }),
};

export const briefsHotQueries = hotQueriesOf(briefsModel.collection, "models/briefs.ts", {
  upsert: ["upsertBrief", briefQueries.upsert(SAMPLE_OWNER, "tech-support", {}, SAMPLE_DATE)],
  setValue: ["setBriefValue", briefQueries.setValue(SAMPLE_OWNER, "financial-advisor", { _id: sampleId(1), key: "age", value: 41, previous: 40, at: SAMPLE_DATE, source: "chat", messageId: sampleId(2) })],
  find: ["findBrief", briefQueries.find(SAMPLE_OWNER, "tech-support")],
  recent: ["listRecentBriefs", briefQueries.recent(SAMPLE_OWNER, 20)],
  delete: ["deleteBrief", briefQueries.delete(SAMPLE_OWNER, "tech-support")],
  deleteOfUser: ["deleteAllForOwner", briefQueries.deleteOfUser(SAMPLE_OWNER)],
  export: ["exportBriefs", briefQueries.export(SAMPLE_OWNER)],
});

/** Saves the whole brief (the form); `history` records what changed, `chatStarted` that a chat began with it. */
export async function upsertBrief(
  owner: Owner,
  roleId: string,
  details: Record<string, unknown>,
  options: { history?: readonly BriefHistoryEntry[]; chatStarted?: boolean; at?: Date } = {},
): Promise<void> {
  const at = options.at ?? new Date();
  await updateWith(await briefs(), briefQueries.upsert(owner, roleId, details, at, options.history, options.chatStarted ? at : undefined));
}

export function newHistoryEntry(fields: Omit<BriefHistoryEntry, "_id" | "at"> & { at?: Date }): BriefHistoryEntry {
  return { _id: new ObjectId(), at: new Date(), ...fields };
}

/** Compare-and-set of one field with its history entry; null when the brief is gone, changed meanwhile, or already has this card's change. */
export async function setBriefValue(owner: Owner, roleId: string, entry: BriefHistoryEntry): Promise<BriefDoc | null> {
  return modifyWith(await briefs(), briefQueries.setValue(owner, roleId, entry));
}

export async function findBrief(owner: Owner, roleId: string): Promise<BriefDoc | null> {
  return findOneWith(await briefs(), briefQueries.find(owner, roleId));
}

/** The user's most recently updated briefs, newest first (bounded). */
export async function listRecentBriefs(owner: Owner, limit = MAX_BRIEFS_SCANNED): Promise<BriefDoc[]> {
  return findWith(await briefs(), briefQueries.recent(owner, Math.min(Math.max(1, limit), MAX_BRIEFS_SCANNED))).toArray();
}

export async function deleteBrief(owner: Owner, roleId: string): Promise<boolean> {
  return (await deleteWith(await briefs(), briefQueries.delete(owner, roleId))) === 1;
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await briefs(), briefQueries.deleteOfUser(owner));
}

/** The data export, by role, streamed in batches. */
export async function exportBriefs(owner: Owner, batchSize: number): Promise<FindCursor<WithId<BriefDoc>>> {
  return findWith(await briefs(), briefQueries.export(owner), { batchSize });
}
