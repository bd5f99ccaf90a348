/**
 * idempotencyKeys: what a creating POST answered, per owner and Idempotency-Key, for 24 h (TTL).
 * The unique _id decides a race: of two identical requests in parallel exactly one inserts the
 * "pending" record and does the work; the other finds it and never creates anything.
 */
import "server-only";
import { MongoServerError, type Collection } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import type { Owner } from "@/models/conversations";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResult {
  status: number;
  /** The response body as JSON text: stored verbatim, so no client-chosen key can become a field name here. */
  body: string;
}

export interface IdempotencyKeyDoc {
  /** "<owner hex>:<sha-256 of the client's key>", so keys of different users never meet. */
  _id: string;
  userId: Owner;
  /** sha-256 of method, path and canonical body: the same key with another request is refused. */
  requestHash: string;
  state: "pending" | "done";
  result?: StoredResult;
  createdAt: Date;
  expiresAt: Date;
}

export const idempotencyKeysModel = defineModel({
  collection: "idempotencyKeys",
  indexes: [
    { key: { expiresAt: 1 }, name: "expiresAt_ttl", expireAfterSeconds: 0 },
    { key: { userId: 1 }, name: "userId" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["_id", "userId", "requestHash", "state", "createdAt", "expiresAt"],
    properties: {
      _id: { bsonType: "string" },
      userId: { bsonType: "objectId" },
      requestHash: { bsonType: "string" },
      state: { enum: ["pending", "done"] },
      result: { bsonType: "object" },
      createdAt: { bsonType: "date" },
      expiresAt: { bsonType: "date" },
    },
  },
});

async function keys(): Promise<Collection<IdempotencyKeyDoc>> {
  return modelCollection<IdempotencyKeyDoc>(idempotencyKeysModel);
}

export type ClaimOutcome = { claimed: true } | { claimed: false; existing: IdempotencyKeyDoc };

/** Inserts the pending record; if the key is taken (and not yet expired), returns what is there. */
export async function claimIdempotencyKey(owner: Owner, id: string, requestHash: string, now: Date = new Date()): Promise<ClaimOutcome> {
  const collection = await keys();
  try {
    await collection.insertOne({
      _id: id,
      userId: owner,
      requestHash,
      state: "pending",
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    });
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
  }
  const existing = await collection.findOne({ _id: id, userId: owner });
  if (existing && existing.expiresAt > now) return { claimed: false, existing };
  // Expired but not yet swept by the TTL monitor: take it over (the filter keeps this single-winner).
  const taken = await collection.findOneAndUpdate(
    { _id: id, userId: owner, expiresAt: { $lte: now } },
    { $set: { requestHash, state: "pending", createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) }, $unset: { result: "" } },
    { returnDocument: "after" },
  );
  if (taken) return { claimed: true };
  const current = await collection.findOne({ _id: id, userId: owner });
  if (!current) return claimIdempotencyKey(owner, id, requestHash, now);
  return { claimed: false, existing: current };
}

export async function completeIdempotencyKey(owner: Owner, id: string, result: StoredResult): Promise<void> {
  await (await keys()).updateOne({ _id: id, userId: owner, state: "pending" }, { $set: { state: "done", result } });
}

/** Frees a key whose request failed on our side, so the client's retry can run again. */
export async function releaseIdempotencyKey(owner: Owner, id: string): Promise<void> {
  await (await keys()).deleteOne({ _id: id, userId: owner, state: "pending" });
}
