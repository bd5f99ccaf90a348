/**
 * rateLimits: fixed-window counters shared by every app process. One document per
 * (rule, key, window); a TTL index removes it once the window is over.
 */
import type { Db } from "mongodb";
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

/**
 * Atomically adds one to a window's counter and returns the new count. `$set` of rule and
 * expiresAt is safe on every hit because both are fixed for a given _id.
 */
export async function incrementWindowCounter(db: Db, id: string, rule: string, expiresAt: Date): Promise<number> {
  const doc = await db
    .collection<RateLimitDoc>(rateLimitsModel.collection)
    .findOneAndUpdate({ _id: id }, { $inc: { count: 1 }, $set: { rule, expiresAt } }, { upsert: true, returnDocument: "after" });
  return doc?.count ?? 1;
}
