/**
 * idempotencyKeys: what a creating POST answered, per owner and Idempotency-Key, for 24 h (TTL).
 * The unique _id decides a race: of two identical requests in parallel exactly one inserts the
 * "pending" record and does the work; the other finds it and never creates anything.
 */
import "server-only";
import { MongoServerError, type Collection, type Filter } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, hotQueriesOf, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

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

const byKey = (owner: Owner, id: string) => ({ _id: id, userId: owner });

export const idempotencyKeyQueries = {
  find: (owner: Owner, id: string) => shape.findOne<IdempotencyKeyDoc>({ filter: byKey(owner, id) }),
  /** Only an expired record is taken over, so of two racing takeovers one wins. */
  takeOverExpired: (owner: Owner, id: string, requestHash: string, now: Date) =>
    shape.modify<IdempotencyKeyDoc>({
      filter: { ...byKey(owner, id), expiresAt: { $lte: now } },
      update: { $set: { requestHash, state: "pending", createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) }, $unset: { result: "" } },
    }),
  complete: (owner: Owner, id: string, result: StoredResult) =>
    shape.update<IdempotencyKeyDoc>({ filter: { ...byKey(owner, id), state: "pending" }, update: { $set: { state: "done", result } } }),
  release: (owner: Owner, id: string) => shape.deleteOne<IdempotencyKeyDoc>({ ...byKey(owner, id), state: "pending" }),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (owner: Owner) => shape.deleteMany<IdempotencyKeyDoc>({ userId: { $in: ownerForms(owner) } } as Filter<IdempotencyKeyDoc>),
};

/** "<owner hex>:<sha-256 of the client's key>". */
const sampleKey = `${SAMPLE_OWNER.toHexString()}:${"b".repeat(64)}`;
const iq = idempotencyKeyQueries;

// Every creating POST of /api/v1 with an Idempotency-Key.
export const idempotencyKeysHotQueries = hotQueriesOf(idempotencyKeysModel.collection, "models/idempotency-keys.ts", {
  find: ["claimIdempotencyKey", iq.find(SAMPLE_OWNER, sampleKey)],
  takeOverExpired: ["claimIdempotencyKey", iq.takeOverExpired(SAMPLE_OWNER, sampleKey, "h", SAMPLE_DATE)],
  complete: ["completeIdempotencyKey", iq.complete(SAMPLE_OWNER, sampleKey, { status: 201, body: "{}" })],
  release: ["releaseIdempotencyKey", iq.release(SAMPLE_OWNER, sampleKey)],
  deleteOfUser: ["deleteAllForOwner", iq.deleteOfUser(SAMPLE_OWNER)],
});

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
  const existing = await findOneWith(collection, iq.find(owner, id));
  if (existing && existing.expiresAt > now) return { claimed: false, existing };
  // Expired but not yet swept by the TTL monitor: take it over (the filter keeps this single-winner).
  const taken = await modifyWith(collection, iq.takeOverExpired(owner, id, requestHash, now));
  if (taken) return { claimed: true };
  const current = await findOneWith(collection, iq.find(owner, id));
  if (!current) return claimIdempotencyKey(owner, id, requestHash, now);
  return { claimed: false, existing: current };
}

export async function completeIdempotencyKey(owner: Owner, id: string, result: StoredResult): Promise<void> {
  await updateWith(await keys(), iq.complete(owner, id, result));
}

/** Frees a key whose request failed on our side, so the client's retry can run again. */
export async function releaseIdempotencyKey(owner: Owner, id: string): Promise<void> {
  await deleteWith(await keys(), iq.release(owner, id));
}

/** Account deletion: the answers kept for the account's retries. */
export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await keys(), iq.deleteOfUser(owner));
}
