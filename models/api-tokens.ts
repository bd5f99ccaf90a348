/**
 * apiTokens: personal API tokens. Only the sha-256 of a token is stored (the token itself is
 * shown once, at creation); a lookup hashes first and finds by hash, so the work done for an
 * unknown, expired or revoked token is the same. Revoking deletes the document. Expired tokens
 * are removed by a TTL index, and refused by the lookup before that sweep runs.
 */
import "server-only";
import { ObjectId, type Collection } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import type { Owner } from "@/models/conversations";

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

const WITHOUT_HASH = { projection: { tokenHash: 0 } } as const;

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
  return (await apiTokens()).countDocuments({ userId: owner });
}

export async function listApiTokens(owner: Owner): Promise<ApiTokenInfo[]> {
  return (await apiTokens()).find({ userId: owner }, WITHOUT_HASH).sort({ createdAt: -1 }).limit(MAX_TOKENS_PER_USER).toArray();
}

/** The live (not expired) token with this hash, or null; served by the unique tokenHash index. */
export async function findLiveTokenByHash(tokenHash: string, now: Date = new Date()): Promise<ApiTokenInfo | null> {
  return (await apiTokens()).findOne(
    { tokenHash, $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: now } }] },
    WITHOUT_HASH,
  );
}

/**
 * Records use, at most once per LAST_USED_RESOLUTION_MS: callers skip the call when the value they
 * read is recent, and the filter makes concurrent processes write once between them.
 */
export async function touchApiToken(id: ObjectId, now: Date = new Date()): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await (await apiTokens()).updateOne(
    { _id: id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: stale } }] },
    { $set: { lastUsedAt: now } },
  );
}

export async function deleteApiToken(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await (await apiTokens()).deleteOne({ _id: id, userId: owner })).deletedCount === 1;
}
