/**
 * Personal API tokens: "cc_" + 32 random bytes (base64url), shown once. Only the sha-256 is
 * stored; verification hashes whatever was sent and looks the hash up, so an unknown, malformed,
 * expired or revoked token all take the same path and get the same answer.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createTokenSchema, type CreatedToken, type TokenInfo } from "@/lib/shared/api/tokens";
import { AppError } from "@/lib/shared/errors";
import { toAppError } from "@/lib/server/infra/http/problem";
import {
  countApiTokens,
  deleteApiToken,
  findLiveTokenByHash,
  insertApiToken,
  LAST_USED_RESOLUTION_MS,
  listApiTokens,
  MAX_TOKENS_PER_USER,
  touchApiToken,
  type ApiTokenInfo,
} from "@/models/api-tokens";
import { parseObjectId, type Owner } from "@/models/conversations";

export const TOKEN_PREFIX = "cc_";
const TOKEN_BYTES = 32;
/** "cc_" plus 8 characters: enough to tell tokens apart, far too little to guess the rest. */
const DISPLAY_PREFIX_CHARS = TOKEN_PREFIX.length + 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, DISPLAY_PREFIX_CHARS) };
}

export function toTokenInfo(doc: ApiTokenInfo): TokenInfo {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    scope: doc.scope,
    prefix: doc.prefix,
    createdAt: doc.createdAt.toISOString(),
    lastUsedAt: doc.lastUsedAt ? doc.lastUsedAt.toISOString() : null,
    expiresAt: doc.expiresAt ? doc.expiresAt.toISOString() : null,
  };
}

export async function createApiToken(owner: Owner, input: unknown, now: Date = new Date()): Promise<CreatedToken> {
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) throw toAppError(parsed.error);
  if ((await countApiTokens(owner)) >= MAX_TOKENS_PER_USER) {
    throw new AppError("conflict:token_limit", `You can keep up to ${MAX_TOKENS_PER_USER} tokens. Revoke one to make room.`);
  }
  const { token, tokenHash, prefix } = generateToken();
  const days = parsed.data.expiresInDays;
  const expiresAt = days === "never" ? undefined : new Date(now.getTime() + Number(days) * DAY_MS);
  const doc = await insertApiToken(owner, { name: parsed.data.name, scope: parsed.data.scope, tokenHash, prefix, expiresAt });
  return { token, info: toTokenInfo(doc) };
}

export async function listTokens(owner: Owner): Promise<TokenInfo[]> {
  return (await listApiTokens(owner)).map(toTokenInfo);
}

export async function revokeToken(owner: Owner, id: string): Promise<void> {
  const _id = parseObjectId(id);
  if (!_id || !(await deleteApiToken(owner, _id))) throw new AppError("not_found:token");
}

/** The live token for a presented secret, or null. Keeps lastUsedAt current at most once a minute. */
export async function verifyToken(presented: string, now: Date = new Date()): Promise<ApiTokenInfo | null> {
  const doc = await findLiveTokenByHash(hashToken(presented), now);
  if (!doc) return null;
  if (!doc.lastUsedAt || now.getTime() - doc.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiToken(doc._id, now);
  }
  return doc;
}
