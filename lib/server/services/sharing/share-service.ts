/**
 * Share links for one owner: create (snapshot), update (a new snapshot under the same URL),
 * revoke, list; the Share dialog's data and preview; and a visitor's view of a token. Every
 * owner operation filters by the owner, so another user's link or conversation is "not found".
 */
import "server-only";
import { ObjectId } from "mongodb";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { takeSnapshot } from "@/lib/server/services/sharing/snapshot";
import { toShareLink, toSharedView } from "@/lib/server/services/sharing/share-dto";
import type { UpdateShareBody } from "@/lib/shared/api/shares";
import { applyUpdate, checkShareLimit, hashShareToken, KEEP_ENDED_MS, newLinkFields, parseShareInput, requireShareId } from "@/lib/server/services/sharing/share-link-base";
import { updateBoardShare } from "@/lib/server/services/sharing/board-share";
import { AppError } from "@/lib/shared/errors";
import { SHARE_TOKEN_PATTERN, shareOptionsSchema, type ShareDialogData, type ShareLink, type ShareOptions, type SharedView } from "@/lib/shared/sharing/dto";
import type { Owner } from "@/models/conversations";
import {
  findLatestShareLink,
  findShareLink,
  insertShareLink,
  listShareLinks,
  revokeShareLink,
  visitShareLink,
  type ShareLinkDoc,
} from "@/models/share-links";

const EXCERPT_CHARS = 80;

export { hashShareToken };

function parseOptions(raw: unknown): ShareOptions {
  return parseShareInput(shareOptionsSchema, raw);
}

export async function createShare(owner: Owner, conversationId: string, raw: unknown): Promise<ShareLink> {
  const options = parseOptions(raw);
  const conversation = await requireConversation(owner, conversationId);
  await checkShareLimit(owner);
  const now = new Date();
  const doc: ShareLinkDoc = {
    ...newLinkFields(owner, options, now),
    kind: "conversation",
    conversationId: conversation._id,
    upToMessageId: options.upToMessageId ? new ObjectId(options.upToMessageId) : null,
    visibleFields: options.visibleFields,
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
  if (link.kind === "board") return updateBoardShare(owner, link, raw);
  const conversation = await requireConversation(owner, link.conversationId.toHexString());
  const now = new Date();
  return applyUpdate(owner, id, options, {
    upToMessageId: options.upToMessageId ? new ObjectId(options.upToMessageId) : null,
    visibleFields: options.visibleFields,
    snapshot: await takeSnapshot(owner, conversation, options, now),
  }, now);
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
    includeChat: patch.includeChat ?? current.includeChat,
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
