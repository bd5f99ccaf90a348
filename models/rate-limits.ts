/**
 * rateLimitCounters: the store rate-limiter-flexible's RateLimiterMongo writes to, shared by every
 * app process. Its document shape is the library's ({ key, points, expire }); the indexes it would
 * create itself are declared here instead, so start-up creates them awaited like every other
 * model's. Keys are hashed before they get here (lib/server/services/limits/rate-limit.ts): no raw emails or
 * addresses are stored. (The earlier fixed-window counters lived in "rateLimits"; its documents
 * carried their own TTL and have expired.)
 */
import "server-only";
import type { Db } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { ensureModelOnce } from "@/lib/server/infra/db/ensure-indexes";
import { defineModel } from "@/lib/server/infra/db/model";
import { hotQueriesOf, SAMPLE_DATE, shape } from "@/lib/server/infra/db/query-shape";

export const rateLimitsModel = defineModel({
  collection: "rateLimitCounters",
  indexes: [
    { key: { key: 1 }, name: "key_unique", unique: true },
    { key: { expire: 1 }, name: "expire_ttl", expireAfterSeconds: 0 },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["key", "points"],
    properties: {
      key: { bsonType: "string", maxLength: 200 },
      points: { bsonType: ["int", "long", "double"] },
      expire: { bsonType: ["date", "null"] },
    },
  },
});

/**
 * The database holding the counters, with the collection ensured: the app's, or another one
 * (tests simulating two app processes). The library needs the Db itself, not a Collection.
 */
export async function rateLimitDb(db?: Db): Promise<Db> {
  const database = db ?? (await getDb());
  await ensureModelOnce(database, rateLimitsModel);
  return database;
}

/**
 * The one hot query not built here: rate-limiter-flexible's RateLimiterMongo sends it itself
 * (`_upsert` in node_modules/rate-limiter-flexible/lib/RateLimiterMongo.js, on every limited
 * request), so this copies its shape; re-read it when upgrading that library.
 */
export const rateLimitsHotQueries = hotQueriesOf(rateLimitsModel.collection, "models/rate-limits.ts", {
  consume: [
    "rateLimitDb",
    shape.modify<{ key: string; points: number; expire: Date | null }>({
      filter: { $or: [{ expire: { $gt: SAMPLE_DATE } }, { expire: { $eq: null } }], key: "chat:abc" },
      update: { $setOnInsert: { key: "chat:abc", expire: SAMPLE_DATE }, $inc: { points: 1 } },
      upsert: true,
    }),
  ],
});
