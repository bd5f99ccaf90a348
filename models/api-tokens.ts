/**
 * apiTokens: personal API tokens. Only the sha-256 of a token is stored (the token itself is
 * shown once, at creation); a lookup hashes first and finds by hash, so the work done for an
 * unknown, expired or revoked token is the same. Revoking deletes the document. Expired tokens
 * are removed by a TTL index, and refused by the lookup before that sweep runs.
 */
import "server-only";
import { ObjectId, type Collection, type Filter, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { countWith, deleteWith, findOneWith, findWith, hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

export type TokenScope = "read" | "read-write";

export interface ApiTokenDoc {
  _id: ObjectId;
  userId: Owner;
  name: string;
  scope: TokenScope;
  /** Hex sha-256 of the full token. */
  tokenHash: string;
  /** The first characters of the token ("cc_AbC1dE2f"), so a person can tell tokens apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt?: Date;
}

/** Token metadata as the owner may see it: never the hash. */
export type ApiTokenInfo = Omit<ApiTokenDoc, "tokenHash">;

/** Bounded so the Settings list and every lookup stay small. */
export const MAX_TOKENS_PER_USER = 50;
/** lastUsedAt is written at most this often per token (not on every request). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export const apiTokensModel = defineModel({
  collection: "apiTokens",
  indexes: [
    { key: { tokenHash: 1 }, name: "tokenHash_unique", unique: true },
    { key: { userId: 1, createdAt: -1 }, name: "userId_createdAt" },
    // expireAfterSeconds 0: each document expires at its own expiresAt; tokens without one never do.
    { key: { expiresAt: 1 }, name: "expiresAt_ttl", expireAfterSeconds: 0 },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "name", "scope", "tokenHash", "prefix", "createdAt"],
    properties: {
      userId: { bsonType: "objectId" },
      name: { bsonType: "string", minLength: 1, maxLength: 80 },
      scope: { enum: ["read", "read-write"] },
      tokenHash: { bsonType: "string", pattern: "^[0-9a-f]{64}$" },
      prefix: { bsonType: "string", maxLength: 16 },
      createdAt: { bsonType: "date" },
      lastUsedAt: { bsonType: ["date", "null"] },
      expiresAt: { bsonType: "date" },
    },
  },
});

async function apiTokens(): Promise<Collection<ApiTokenDoc>> {
  return modelCollection<ApiTokenDoc>(apiTokensModel);
}

/** The hash never leaves the database, except to the lookup's own filter. */
const WITHOUT_HASH = { tokenHash: 0 };

export const apiTokenQueries = {
  count: (owner: Owner) => shape.count<ApiTokenDoc>({ userId: owner }),
  list: (owner: Owner) => shape.find<ApiTokenDoc>({ filter: { userId: owner }, projection: WITHOUT_HASH, sort: { createdAt: -1 }, limit: MAX_TOKENS_PER_USER }),
  /** Served by the unique tokenHash index; an expired token is refused before the TTL sweep. */
  liveByHash: (tokenHash: string, now: Date) =>
    shape.findOne<ApiTokenDoc>({ filter: { tokenHash, $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: now } }] }, projection: WITHOUT_HASH }),
  /** Writes only when the stored value is older than `stale`, so concurrent processes write once. */
  touch: (id: ObjectId, stale: Date, now: Date) =>
    shape.update<ApiTokenDoc>({ filter: { _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: stale } }] }, update: { $set: { lastUsedAt: now } } }),
  delete: (owner: Owner, id: ObjectId) => shape.deleteOne<ApiTokenDoc>({ _id: id, userId: owner }),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (owner: Owner) => shape.deleteMany<ApiTokenDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ApiTokenDoc>),
  export: (owner: Owner) => shape.find<ApiTokenDoc>({ filter: { userId: owner }, projection: WITHOUT_HASH, sort: { createdAt: 1 } }),
};

// findLiveTokenByHash runs on every API request.
export const apiTokensHotQueries = hotQueriesOf(apiTokensModel.collection, "models/api-tokens.ts", {
  byHash: ["findLiveTokenByHash", apiTokenQueries.liveByHash("a".repeat(64), SAMPLE_DATE)],
  touch: ["touchApiToken", apiTokenQueries.touch(sampleId(6), SAMPLE_DATE, SAMPLE_DATE)],
  count: ["countApiTokens", apiTokenQueries.count(SAMPLE_OWNER)],
  list: ["listApiTokens", apiTokenQueries.list(SAMPLE_OWNER)],
  delete: ["deleteApiToken", apiTokenQueries.delete(SAMPLE_OWNER, sampleId(6))],
  deleteOfUser: ["deleteAllForOwner", apiTokenQueries.deleteOfUser(SAMPLE_OWNER)],
  export: ["exportApiTokens", apiTokenQueries.export(SAMPLE_OWNER)],
});

export async function insertApiToken(
  owner: Owner,
  input: { name: string; scope: TokenScope; tokenHash: string; prefix: string; expiresAt?: Date },
): Promise<ApiTokenInfo> {
  const doc: ApiTokenDoc = {
    _id: new ObjectId(),
    userId: owner,
    name: input.name,
    scope: input.scope,
    tokenHash: input.tokenHash,
    prefix: input.prefix,
    createdAt: new Date(),
    lastUsedAt: null,
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
  };
  await (await apiTokens()).insertOne(doc);
  const { tokenHash: _hash, ...info } = doc;
  void _hash;
  return info;
}

export async function countApiTokens(owner: Owner): Promise<number> {
  return countWith(await apiTokens(), apiTokenQueries.count(owner));
}

export async function listApiTokens(owner: Owner): Promise<ApiTokenInfo[]> {
  return findWith(await apiTokens(), apiTokenQueries.list(owner)).toArray();
}

/** The live (not expired) token with this hash, or null; served by the unique tokenHash index. */
export async function findLiveTokenByHash(tokenHash: string, now: Date = new Date()): Promise<ApiTokenInfo | null> {
  return findOneWith(await apiTokens(), apiTokenQueries.liveByHash(tokenHash, now));
}

/**
 * Records use, at most once per LAST_USED_RESOLUTION_MS: callers skip the call when the value they
 * read is recent, and the filter makes concurrent processes write once between them.
 */
export async function touchApiToken(id: ObjectId, now: Date = new Date()): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await updateWith(await apiTokens(), apiTokenQueries.touch(id, stale, now));
}

export async function deleteApiToken(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await deleteWith(await apiTokens(), apiTokenQueries.delete(owner, id))) === 1;
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await apiTokens(), apiTokenQueries.deleteOfUser(owner));
}

/** The data export: token metadata (never the hash), oldest first, streamed in batches. */
export async function exportApiTokens(owner: Owner, batchSize: number): Promise<FindCursor<WithId<ApiTokenDoc>>> {
  return findWith(await apiTokens(), apiTokenQueries.export(owner), { batchSize });
}
