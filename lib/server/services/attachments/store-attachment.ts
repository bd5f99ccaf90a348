/**
 * Stores one uploaded file in GridFS, streamed: the bytes pass a size/idle guard, their first
 * bytes decide the type (detect-type.ts), images are re-encoded without metadata (image.ts) and
 * get a stored thumbnail, text is checked as UTF-8, PDFs get their page count. Anything refused
 * — too large, over the quota, empty, disguised, damaged, a bomb, stalled — leaves nothing behind.
 */
import "server-only";
import { pipeline, type Readable } from "node:stream";
import type { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { formatBytes, isImageMime, isTextMime, type AttachmentMime } from "@/lib/shared/attachments/types";
import { detectType, SNIFF_BYTES } from "@/lib/server/services/attachments/detect-type";
import { writeToGridFs } from "@/lib/server/services/attachments/gridfs-write";
import { reencodeImage, thumbnailOf } from "@/lib/server/services/attachments/image";
import { attachmentLimits } from "@/lib/server/services/attachments/limits";
import { countPdfPages } from "@/lib/server/services/attachments/pdf-pages";
import { peek } from "@/lib/server/services/attachments/peek";
import { textCheck } from "@/lib/server/services/attachments/text-check";
import { UploadGuard } from "@/lib/server/services/attachments/upload-guard";
import type { Owner } from "@/models/conversations";
import {
  deleteAttachmentFiles,
  findAttachment,
  openDownload,
  setAttachmentDetails,
  storageUsed,
  type AttachmentDetails,
  type AttachmentFileDoc,
  type AttachmentMetadata,
} from "@/models/attachments";

export interface UploadInput {
  /** The file's name as the client gave it (shown, never trusted for the type). */
  name: string;
  claimedType?: string;
  content: Readable;
  conversationId?: ObjectId;
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean || "file";
}

function quotaError(quotaBytes: number): AppError {
  return new AppError("payload_too_large:attachment_quota", `You have used your ${formatBytes(quotaBytes)} of file storage. Delete conversations with files to make room.`);
}

/** The guard's limit is the file limit, or what is left of the quota if that is less. */
async function guardFor(owner: Owner, name: string): Promise<UploadGuard> {
  const limits = attachmentLimits();
  const room = limits.quotaBytes - (await storageUsed(owner));
  if (room <= 0) throw quotaError(limits.quotaBytes);
  const overQuota = room < limits.maxFileBytes;
  return new UploadGuard({
    maxBytes: Math.min(limits.maxFileBytes, room),
    idleMs: limits.idleMs,
    tooLarge: () => (overQuota ? quotaError(limits.quotaBytes) : new AppError("payload_too_large:attachment", `"${name}" is larger than ${formatBytes(limits.maxFileBytes)}.`)),
  });
}

async function storeBytes(body: Readable, mime: AttachmentMime, name: string, metadata: AttachmentMetadata): Promise<{ id: ObjectId; details: AttachmentDetails }> {
  if (isImageMime(mime)) {
    const image = reencodeImage(body, mime, attachmentLimits().maxPixels, name);
    const { id } = await writeToGridFs(image.output, name, metadata);
    return { id, details: await image.info };
  }
  const source = isTextMime(mime) ? pipeline(body, textCheck(name), () => undefined) : body;
  const { id } = await writeToGridFs(source, name, metadata);
  return { id, details: {} };
}

/** What only the stored bytes can tell: a PDF's pages, an image's thumbnail. */
async function finish(stored: AttachmentFileDoc, name: string): Promise<AttachmentDetails> {
  const { mime } = stored.metadata;
  if (mime === "application/pdf") return { pages: await countPdfPages(await openDownload(stored), name) };
  if (!isImageMime(mime)) return {};
  const thumbnail = await writeToGridFs(thumbnailOf(await openDownload(stored)), `thumbnail-${name}`, { ...stored.metadata, variant: "thumbnail", mime: "image/webp" });
  return { thumbnailId: thumbnail.id };
}

export async function storeAttachment(owner: Owner, input: UploadInput): Promise<AttachmentFileDoc> {
  const name = cleanFileName(input.name);
  const guard = await guardFor(owner, name);
  const guarded = pipeline(input.content, guard, () => undefined);
  const { head, body } = await peek(guarded, SNIFF_BYTES);
  if (head.length === 0) {
    body.destroy();
    throw new AppError("invalid:attachment_empty", `"${name}" is empty.`);
  }
  let mime: AttachmentMime;
  try {
    mime = await detectType(head, input.claimedType, name);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const metadata: AttachmentMetadata = { userId: owner, variant: "original", mime, ...(input.conversationId ? { conversationId: input.conversationId } : {}) };
  const { id, details } = await storeBytes(body, mime, name, metadata);
  const written: ObjectId[] = [id];
  try {
    const stored = await findAttachment(owner, id);
    if (!stored) throw new AppError("not_found:attachment");
    const more = { ...details, ...(await finish(stored, name)) };
    if (more.thumbnailId) written.push(more.thumbnailId);
    await setAttachmentDetails(owner, id, more);
    // Uploads running side by side each saw room; the one that tips the total over goes.
    if ((await storageUsed(owner)) > attachmentLimits().quotaBytes) throw quotaError(attachmentLimits().quotaBytes);
    return { ...stored, metadata: { ...stored.metadata, ...more } };
  } catch (error) {
    await deleteAttachmentFiles(owner, written);
    throw error;
  }
}
