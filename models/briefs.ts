/**
 * briefs: the details a user last filled for a role, so the next chat with it starts pre-filled.
 * One per (user, role), enforced by a unique index; writes are upserts.
 */
import "server-only";
import type { Collection, Filter, FindCursor, ObjectId, WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, findWith, hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

export interface BriefDoc {
  _id: ObjectId;
  userId: Owner;
  roleId: string;
  details: Record<string, unknown>;
  updatedAt: Date;
}

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
    },
  },
});

async function briefs(): Promise<Collection<BriefDoc>> {
  return modelCollection<BriefDoc>(briefsModel);
}

const ofRole = (owner: Owner, roleId: string) => ({ userId: owner, roleId });

export const briefQueries = {
  upsert: (owner: Owner, roleId: string, details: Record<string, unknown>, at: Date) =>
    shape.update<BriefDoc>({ filter: ofRole(owner, roleId), update: { $set: { details, updatedAt: at } }, upsert: true }),
  find: (owner: Owner, roleId: string) => shape.findOne<BriefDoc>({ filter: ofRole(owner, roleId) }),
  recent: (owner: Owner, limit: number) => shape.find<BriefDoc>({ filter: { userId: owner }, sort: { updatedAt: -1 }, limit }),
  delete: (owner: Owner, roleId: string) => shape.deleteOne<BriefDoc>(ofRole(owner, roleId)),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (owner: Owner) => shape.deleteMany<BriefDoc>({ userId: { $in: ownerForms(owner) } } as Filter<BriefDoc>),
  export: (owner: Owner) => shape.find<BriefDoc>({ filter: { userId: owner }, sort: { roleId: 1 } }),
};

export const briefsHotQueries = hotQueriesOf(briefsModel.collection, "models/briefs.ts", {
  upsert: ["upsertBrief", briefQueries.upsert(SAMPLE_OWNER, "tech-support", {}, SAMPLE_DATE)],
  find: ["findBrief", briefQueries.find(SAMPLE_OWNER, "tech-support")],
  recent: ["listRecentBriefs", briefQueries.recent(SAMPLE_OWNER, 20)],
  delete: ["deleteBrief", briefQueries.delete(SAMPLE_OWNER, "tech-support")],
  deleteOfUser: ["deleteAllForOwner", briefQueries.deleteOfUser(SAMPLE_OWNER)],
  export: ["exportBriefs", briefQueries.export(SAMPLE_OWNER)],
});

export async function upsertBrief(owner: Owner, roleId: string, details: Record<string, unknown>): Promise<void> {
  await updateWith(await briefs(), briefQueries.upsert(owner, roleId, details, new Date()));
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
