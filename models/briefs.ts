/**
 * briefs: the details a user last filled for a role, so the next chat with it starts pre-filled.
 * One per (user, role), enforced by a unique index; writes are upserts.
 */
import "server-only";
import type { Collection, ObjectId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import type { Owner } from "@/models/conversations";

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

export async function upsertBrief(owner: Owner, roleId: string, details: Record<string, unknown>): Promise<void> {
  await (await briefs()).updateOne(
    { userId: owner, roleId },
    { $set: { details, updatedAt: new Date() } },
    { upsert: true },
  );
}

export async function findBrief(owner: Owner, roleId: string): Promise<BriefDoc | null> {
  return (await briefs()).findOne({ userId: owner, roleId });
}

/** The user's most recently updated briefs, newest first (bounded). */
export async function listRecentBriefs(owner: Owner, limit = MAX_BRIEFS_SCANNED): Promise<BriefDoc[]> {
  return (await briefs())
    .find({ userId: owner })
    .sort({ updatedAt: -1 })
    .limit(Math.min(Math.max(1, limit), MAX_BRIEFS_SCANNED))
    .toArray();
}

export async function deleteBrief(owner: Owner, roleId: string): Promise<boolean> {
  return (await (await briefs()).deleteOne({ userId: owner, roleId })).deletedCount === 1;
}
