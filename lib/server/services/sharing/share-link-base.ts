/**
 * What every share link has, whatever it shows: an unguessable token (kept for the owner, looked
 * up by its hash), the expiry, the per-owner limit, the id a client names it by, and Update
 * link's write (a new snapshot under the same token, only while the link is live).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ObjectId } from "mongodb";
import type { z } from "zod";
import { toShareLink } from "@/lib/server/services/sharing/share-dto";
import { AppError, fieldErrors } from "@/lib/shared/errors";
import type { ShareExpiry, ShareLink } from "@/lib/shared/sharing/dto";
import { parseObjectId, type Owner } from "@/models/conversations";
import { countShareLinks, findShareLink, MAX_SHARES_PER_USER, resnapshotShareLink, type ShareLinkDoc } from "@/models/share-links";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Revoked and expired links stay listed in Settings this long, then the TTL index removes them. */
export const KEEP_ENDED_MS = 30 * DAY_MS;

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function expiryOf(expiresIn: ShareExpiry, now: Date): Pick<ShareLinkDoc, "expiresAt" | "purgeAt"> {
  if (expiresIn === "never") return {};
  const expiresAt = new Date(now.getTime() + Number(expiresIn) * DAY_MS);
  return { expiresAt, purgeAt: new Date(expiresAt.getTime() + KEEP_ENDED_MS) };
}

export function requireShareId(id: string): ObjectId {
  const parsed = parseObjectId(id);
  if (!parsed) throw new AppError("not_found:share");
  return parsed;
}

/** Options through their schema; a refusal names the fields (invalid:share). */
export function parseShareInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError("invalid:share", undefined, { fields: fieldErrors(parsed.error), cause: parsed.error });
  return parsed.data;
}

export async function checkShareLimit(owner: Owner): Promise<void> {
  if ((await countShareLinks(owner)) >= MAX_SHARES_PER_USER) throw new AppError("conflict:share_limit");
}

/** A new token (24 random bytes, base64url: 192 bits) and its hash. */
export function newShareToken(): Pick<ShareLinkDoc, "token" | "tokenHash"> {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

/** The fields a new link of any kind starts with: id, owner, token, name, expiry, no views, not revoked. */
export function newLinkFields(owner: Owner, options: { displayName: string; expiresIn: ShareExpiry }, now: Date) {
  return {
    _id: new ObjectId(),
    userId: owner,
    ...newShareToken(),
    displayName: options.displayName,
    expiresIn: options.expiresIn,
    ...expiryOf(options.expiresIn, now),
    views: 0,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  } satisfies Partial<ShareLinkDoc>;
}

/** Update link: writes the new snapshot and options (only while the link is live) and reads the link back. */
export async function applyUpdate(owner: Owner, id: ObjectId, options: { displayName: string; expiresIn: ShareExpiry }, parts: Partial<ShareLinkDoc>, now: Date): Promise<ShareLink> {
  const expiry = expiryOf(options.expiresIn, now);
  const set: Partial<ShareLinkDoc> = { displayName: options.displayName, expiresIn: options.expiresIn, updatedAt: now, ...parts, ...expiry };
  if (!(await resnapshotShareLink(owner, id, set, now, !expiry.expiresAt))) throw new AppError("not_found:share");
  const updated = await findShareLink(owner, id);
  if (!updated) throw new AppError("not_found:share");
  return toShareLink(updated);
}
