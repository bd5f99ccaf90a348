/**
 * Attachments for routes and the chat: the DTO a client sees, the owner-checked download (another
 * user's id is the same 404 as a missing one), removing a file not yet sent, the storage used,
 * and linking uploaded files to the message that carries them.
 */
import "server-only";
import type { Readable } from "node:stream";
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import type { AttachmentDTO, MessageAttachment, StorageUsage } from "@/lib/shared/attachments/types";
import { isNearExpiry } from "@/lib/server/services/attachments/expiry";
import { attachmentLimits } from "@/lib/server/services/attachments/limits";
import type { Owner } from "@/models/conversations";
import type { StoredAttachmentRef } from "@/models/messages";
import {
  attachToMessage,
  deleteAttachmentFiles,
  findAttachment,
  findAttachments,
  openDownload,
  setAttachmentDetails,
  storageUsed,
  type AttachmentFileDoc,
} from "@/models/attachments";

export function toAttachmentDTO(doc: AttachmentFileDoc): AttachmentDTO {
  const m = doc.metadata;
  return {
    ...toMessageAttachment(toStoredAttachmentRef(doc)),
    ...(m.conversationId ? { conversationId: m.conversationId.toHexString() } : {}),
    ...(m.messageId ? { messageId: m.messageId.toHexString() } : {}),
    uploadedAt: doc.uploadDate.toISOString(),
  };
}

function notFound(): AppError {
  return new AppError("not_found:attachment");
}

export function parseAttachmentId(id: string): ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw notFound();
  return new ObjectId(id);
}

/** An original of the owner's; anything else (another user's, a thumbnail's id, malformed) is 404. */
export async function requireAttachment(owner: Owner, id: string): Promise<AttachmentFileDoc> {
  const doc = await findAttachment(owner, parseAttachmentId(id));
  if (!doc || doc.metadata.variant !== "original") throw notFound();
  return doc;
}

export interface AttachmentDownload {
  file: AttachmentFileDoc;
  /** The type the bytes are served as (a thumbnail is WebP). */
  mime: string;
  stream: Readable;
}

export async function openAttachment(owner: Owner, id: string, variant: "original" | "thumbnail"): Promise<AttachmentDownload> {
  const original = await requireAttachment(owner, id);
  const file = variant === "thumbnail" && original.metadata.thumbnailId ? await findAttachment(owner, original.metadata.thumbnailId) : variant === "original" ? original : null;
  if (!file) throw notFound();
  return { file: original, mime: file.metadata.mime, stream: await openDownload(file) };
}

/** Removes a file that was uploaded but not sent (the composer's remove button). */
/** A stored original's bytes, owner-checked (for the model's inline parts; at most the file limit). */
export async function readAttachmentBytes(owner: Owner, id: string): Promise<Buffer> {
  const { stream } = await openAttachment(owner, id, "original");
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A Files API copy is reused only while it has this long left: it must outlive the reply that names it. */
const REMOTE_COPY_MARGIN_MS = 60 * 60_000;

/** The URI of this file's upload to the model's file store, if one is cached and not about to expire. */
export async function cachedRemoteCopy(owner: Owner, id: string, now = new Date()): Promise<string | null> {
  const copy = (await requireAttachment(owner, id)).metadata.gemini;
  return copy && copy.expiresAt.getTime() - now.getTime() > REMOTE_COPY_MARGIN_MS ? copy.uri : null;
}

/** Remembers an upload to the model's file store, so later turns of the conversation reuse it. */
export async function rememberRemoteCopy(owner: Owner, id: string, copy: { uri: string; expiresAt: Date }): Promise<void> {
  await setAttachmentDetails(owner, parseAttachmentId(id), { gemini: { uri: copy.uri, expiresAt: copy.expiresAt } });
}

export async function deletePendingAttachment(owner: Owner, id: string): Promise<void> {
  const doc = await requireAttachment(owner, id);
  if (doc.metadata.messageId) throw new AppError("conflict:attachment_used", "This file was sent with a message; delete the conversation to delete it.");
  await deleteAttachmentFiles(owner, [doc._id, ...(doc.metadata.thumbnailId ? [doc.metadata.thumbnailId] : [])]);
}

export async function storageUsage(owner: Owner): Promise<StorageUsage> {
  return { usedBytes: await storageUsed(owner), quotaBytes: attachmentLimits().quotaBytes };
}

/**
 * The files a message will carry, checked before it is saved: at most the per-message limit, all
 * the owner's, not yet sent, and uploaded to this conversation (or to none). Unknown ids are 404.
 */
export async function checkAttachmentsForMessage(owner: Owner, conversationId: ObjectId, ids: readonly string[]): Promise<AttachmentFileDoc[]> {
  if (ids.length === 0) return [];
  const limit = attachmentLimits().maxFilesPerMessage;
  if (ids.length > limit) throw new AppError("invalid:attachment_count", `Attach at most ${limit} files to a message.`);
  const parsed = [...new Set(ids)].map(parseAttachmentId);
  const docs = await findAttachments(owner, parsed);
  const byId = new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
  return parsed.map((id) => {
    const doc = byId.get(id.toHexString());
    if (!doc || doc.metadata.variant !== "original") throw notFound();
    if (doc.metadata.messageId) throw new AppError("conflict:attachment_used");
    if (isNearExpiry(doc.uploadDate)) throw new AppError("not_found:attachment", `"${doc.filename}" was uploaded too long ago and has expired; attach it again.`);
    if (doc.metadata.conversationId && !doc.metadata.conversationId.equals(conversationId)) throw notFound();
    return doc;
  });
}

export function toStoredAttachmentRef(doc: AttachmentFileDoc): StoredAttachmentRef {
  const m = doc.metadata;
  return {
    id: doc._id,
    name: doc.filename,
    mime: m.mime,
    size: doc.length,
    ...(m.width ? { width: m.width } : {}),
    ...(m.height ? { height: m.height } : {}),
    ...(m.pages ? { pages: m.pages } : {}),
    hasThumbnail: Boolean(m.thumbnailId),
  };
}

/** A message's stored reference as the client sees it. */
export function toMessageAttachment(ref: StoredAttachmentRef): MessageAttachment {
  return {
    id: ref.id.toHexString(),
    name: ref.name,
    mime: ref.mime as MessageAttachment["mime"],
    size: ref.size,
    ...(ref.width ? { width: ref.width } : {}),
    ...(ref.height ? { height: ref.height } : {}),
    ...(ref.pages ? { pages: ref.pages } : {}),
    hasThumbnail: ref.hasThumbnail,
  };
}

/** Links the checked files (and their thumbnails) to the saved message. */
export async function linkAttachments(owner: Owner, conversationId: ObjectId, messageId: ObjectId, docs: readonly AttachmentFileDoc[]): Promise<void> {
  const ids = docs.flatMap((doc) => [doc._id, ...(doc.metadata.thumbnailId ? [doc.metadata.thumbnailId] : [])]);
  await attachToMessage(owner, ids, conversationId, messageId);
}
