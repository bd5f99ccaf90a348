/**
 * rateLimits: fixed-window counters shared by every app process. One document per
 * (rule, key, window); a TTL index removes it once the window is over.
 */
import type { Collection, Db } from "mongodb";
import { modelCollection } from "@/lib/db/collection";
import { ensureModelOnce } from "@/lib/db/ensure-indexes";
import { defineModel } from "@/lib/db/model";

export interface RateLimitDoc {
  /** "<rule>:<sha-256 of key>:<window start ms>" */
  _id: string;
  rule: string;
  count: number;
  expiresAt: Date;
}

export const rateLimitsModel = defineModel({
  collection: "rateLimits",
  indexes: [{ key: { expiresAt: 1 }, name: "expiresAt_ttl", expireAfterSeconds: 0 }],
  jsonSchema: {
    bsonType: "object",
    required: ["_id", "rule", "count", "expiresAt"],
    properties: {
      _id: { bsonType: "string" },
      rule: { bsonType: "string" },
      count: { bsonType: ["int", "long", "double"] },
      expiresAt: { bsonType: "date" },
    },
  },
});

/** The app's counters, or those of another database (tests simulating two app processes). */
async function counters(db?: Db): Promise<Collection<RateLimitDoc>> {
  if (!db) return modelCollection<RateLimitDoc>(rateLimitsModel);
  await ensureModelOnce(db, rateLimitsModel);
  return db.collection<RateLimitDoc>(rateLimitsModel.collection);
}

/**
 * Atomically adds one to a window's counter and returns the new count. `$set` of rule and
 * expiresAt is safe on every hit because both are fixed for a given _id.
 */
export async function incrementWindowCounter(id: string, rule: string, expiresAt: Date, db?: Db): Promise<number> {
  const doc = await (await counters(db))
    .findOneAndUpdate({ _id: id }, { $inc: { count: 1 }, $set: { rule, expiresAt } }, { upsert: true, returnDocument: "after" });
  return doc?.count ?? 1;
}
