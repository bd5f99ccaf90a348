/**
 * Share links for one owner: create (snapshot), update (a new snapshot under the same URL),
 * revoke, list; the Share dialog's data and preview; and a visitor's view of a token. Every
 * owner operation filters by the owner, so another user's link or conversation is "not found".
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ObjectId } from "mongodb";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { takeSnapshot } from "@/lib/server/services/sharing/snapshot";
import { toShareLink, toSharedView } from "@/lib/server/services/sharing/share-dto";
import type { UpdateShareBody } from "@/lib/shared/api/shares";
import { AppError, fieldErrors } from "@/lib/shared/errors";
import { SHARE_TOKEN_PATTERN, shareOptionsSchema, type ShareDialogData, type ShareExpiry, type ShareLink, type ShareOptions, type SharedView } from "@/lib/shared/sharing/dto";
import { parseObjectId, type Owner } from "@/models/conversations";
import {
  countShareLinks,
  findLatestShareLink,
  findShareLink,
  insertShareLink,
  listShareLinks,
  MAX_SHARES_PER_USER,
  resnapshotShareLink,
  revokeShareLink,
  visitShareLink,
  type ShareLinkDoc,
} from "@/models/share-links";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Revoked and expired links stay listed in Settings this long, then the TTL index removes them. */
const KEEP_ENDED_MS = 30 * DAY_MS;
const EXCERPT_CHARS = 80;

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function parseOptions(raw: unknown): ShareOptions {
  const parsed = shareOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError("invalid:share", undefined, { fields: fieldErrors(parsed.error), cause: parsed.error });
  return parsed.data;
}

function expiryOf(expiresIn: ShareExpiry, now: Date): Pick<ShareLinkDoc, "expiresAt" | "purgeAt"> {
  if (expiresIn === "never") return {};
  const expiresAt = new Date(now.getTime() + Number(expiresIn) * DAY_MS);
  return { expiresAt, purgeAt: new Date(expiresAt.getTime() + KEEP_ENDED_MS) };
}

function requireShareId(id: string): ObjectId {
  const parsed = parseObjectId(id);
  if (!parsed) throw new AppError("not_found:share");
  return parsed;
}

export async function createShare(owner: Owner, conversationId: string, raw: unknown): Promise<ShareLink> {
  const options = parseOptions(raw);
  const conversation = await requireConversation(owner, conversationId);
  if ((await countShareLinks(owner)) >= MAX_SHARES_PER_USER) throw new AppError("conflict:share_limit");
  const now = new Date();
  const token = randomBytes(24).toString("base64url");
  const doc: ShareLinkDoc = {
    _id: new ObjectId(),
    userId: owner,
    conversationId: conversation._id,
    token,
    tokenHash: hashShareToken(token),
    upToMessageId: options.upToMessageId ? new ObjectId(options.upToMessageId) : null,
    visibleFields: options.visibleFields,
    displayName: options.displayName,
    expiresIn: options.expiresIn,
    ...expiryOf(options.expiresIn, now),
    views: 0,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
    snapshot: await takeSnapshot(owner, conversation, options, now),
  };
  await insertShareLink(doc);
  return toShareLink(doc);
}

/** Update link: the current conversation (with the new options) under the same token; views are kept. */
export async function updateShare(owner: Owner, shareId: string, raw: unknown): Promise<ShareLink> {
  const options = parseOptions(raw);
  const id = requireShareId(shareId);
  const link = await findShareLink(owner, id);
  if (!link) throw new AppError("not_found:share");
  const conversation = await requireConversation(owner, link.conversationId.toHexString());
  const now = new Date();
  const expiry = expiryOf(options.expiresIn, now);
  const set: Partial<ShareLinkDoc> = {
    upToMessageId: options.upToMessageId ? new ObjectId(options.upToMessageId) : null,
    visibleFields: options.visibleFields,
    displayName: options.displayName,
    expiresIn: options.expiresIn,
    updatedAt: now,
    snapshot: await takeSnapshot(owner, conversation, options, now),
    ...expiry,
  };
  if (!(await resnapshotShareLink(owner, id, set, now, !expiry.expiresAt))) throw new AppError("not_found:share");
  const updated = await findShareLink(owner, id);
  if (!updated) throw new AppError("not_found:share");
  return toShareLink(updated);
}

export async function revokeShare(owner: Owner, shareId: string): Promise<void> {
  const now = new Date();
  if (!(await revokeShareLink(owner, requireShareId(shareId), now, new Date(now.getTime() + KEEP_ENDED_MS)))) throw new AppError("not_found:share");
}

export async function getShare(owner: Owner, shareId: string): Promise<ShareLink> {
  const link = await findShareLink(owner, requireShareId(shareId));
  if (!link) throw new AppError("not_found:share");
  return toShareLink(link);
}

/** The API's PATCH: the options it names change, the others keep their current values; then Update link. */
export async function patchShare(owner: Owner, shareId: string, patch: UpdateShareBody): Promise<ShareLink> {
  const current = await getShare(owner, shareId);
  const upTo = patch.upToMessageId === undefined ? current.upToMessageId : patch.upToMessageId;
  return updateShare(owner, shareId, {
    ...(upTo ? { upToMessageId: upTo } : {}),
    visibleFields: patch.visibleFields ?? current.visibleFields,
    displayName: patch.displayName ?? current.displayName,
    expiresIn: patch.expiresIn ?? current.expiresIn,
  });
}

export async function listShares(owner: Owner): Promise<ShareLink[]> {
  return (await listShareLinks(owner)).map(toShareLink);
}

/** What the visitor would see with these options, without saving anything. */
export async function previewShare(owner: Owner, conversationId: string, raw: unknown): Promise<SharedView> {
  const options = parseOptions(raw);
  const conversation = await requireConversation(owner, conversationId);
  const now = new Date();
  return toSharedView({ snapshot: await takeSnapshot(owner, conversation, options, now), displayName: options.displayName });
}

/** The dialog's choices: the role's fields, the messages it may stop at (redacted, all fields hidden), the live link. */
export async function shareDialogData(owner: Owner, conversationId: string): Promise<ShareDialogData> {
  const conversation = await requireConversation(owner, conversationId);
  const snapshot = await takeSnapshot(owner, conversation, parseOptions({}), new Date());
  const link = await findLatestShareLink(owner, conversation._id);
  return {
    fields: conversation.fields.map((field) => ({ key: field.key, label: field.label })),
    messages: snapshot.messages.map((message) => ({
      id: message.id,
      sender: message.sender,
      excerpt: message.message.length > EXCERPT_CHARS ? `${message.message.slice(0, EXCERPT_CHARS - 1)}…` : message.message,
    })),
    link: link ? toShareLink(link) : null,
  };
}

/**
 * A visitor's view of a token, counted as a view; null for a malformed, unknown, revoked or
 * expired token alike. The last three are the same single indexed miss.
 */
export async function openSharedConversation(token: string): Promise<SharedView | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await visitShareLink(hashShareToken(token));
  return link ? toSharedView(link) : null;
}
