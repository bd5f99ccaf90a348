/**
 * attachments: files users attach to messages, in the GridFS bucket `attachments`
 * (`attachments.files` / `attachments.chunks`) through the driver's GridFSBucket, streamed both
 * ways. Each file's `metadata` carries its owner, and once sent its conversation and message;
 * a stored image's thumbnail is a file of its own (`variant: "thumbnail"`) with the same owner,
 * conversation and message, so every deletion below takes both. Every lookup carries the owner.
 */
import "server-only";
import { Readable } from "node:stream";
import { GridFSBucket, type Binary, type Collection, type FindCursor, type GridFSBucketWriteStream, type ObjectId } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { aggregateWith, deleteWith, findOneWith, findWith, updateWith } from "@/lib/server/infra/db/query-shape";
import { ATTACHMENT_MIME_TYPES, type AttachmentMime } from "@/lib/shared/attachments/types";
import {
  ATTACHMENT_CHUNKS_COLLECTION,
  ATTACHMENT_FILES_COLLECTION,
  ATTACHMENTS_BUCKET,
  attachmentQueries as q,
  MAX_ATTACHMENT_PAGE,
} from "@/models/attachments-queries";
import type { Owner } from "@/models/conversations";

export { attachmentsHotQueries } from "@/models/attachments-queries";

export type AttachmentVariant = "original" | "thumbnail";

export interface AttachmentMetadata {
  userId: Owner;
  variant: AttachmentVariant;
  /** Decided from the bytes (lib/server/services/attachments/detect-type.ts). */
  mime: AttachmentMime;
  conversationId?: ObjectId;
  /** Absent until the file is sent with a message. */
  messageId?: ObjectId;
  width?: number;
  height?: number;
  pages?: number;
  /** On an original image: its stored preview. */
  thumbnailId?: ObjectId;
  /** Its upload to Gemini's Files API (files above the inline limit), reused until it expires. */
  gemini?: { uri: string; expiresAt: Date };
}

/** A GridFS files document (the driver writes length, chunkSize, uploadDate and filename). */
export interface AttachmentFileDoc {
  _id: ObjectId;
  length: number;
  chunkSize: number;
  uploadDate: Date;
  filename: string;
  metadata: AttachmentMetadata;
}

export interface AttachmentChunkDoc {
  _id: ObjectId;
  files_id: ObjectId;
  n: number;
  data: unknown;
}

export const attachmentFilesModel = defineModel({
  collection: ATTACHMENT_FILES_COLLECTION,
  indexes: [
    // GridFS's own index, under the name the driver would give it, so its start-up check finds it.
    { key: { filename: 1, uploadDate: 1 }, name: "filename_1_uploadDate_1" },
    // The owner's listing and storage total (and account deletion, by its prefix).
    { key: { "metadata.userId": 1, "metadata.variant": 1, uploadDate: -1 }, name: "owner_variant_uploadDate" },
    // Deleting a conversation's or a message's files.
    { key: { "metadata.userId": 1, "metadata.conversationId": 1 }, name: "owner_conversation" },
    { key: { "metadata.userId": 1, "metadata.messageId": 1 }, name: "owner_message" },
    // The expiry sweep: unsent uploads (no messageId) oldest first, across owners.
    { key: { "metadata.messageId": 1, uploadDate: 1 }, name: "unsent_uploadDate" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["length", "uploadDate", "filename", "metadata"],
    properties: {
      length: { bsonType: ["int", "long", "double"] },
      uploadDate: { bsonType: "date" },
      filename: { bsonType: "string" },
      metadata: {
        bsonType: "object",
        required: ["userId", "variant", "mime"],
        properties: {
          userId: { bsonType: "objectId" },
          variant: { enum: ["original", "thumbnail"] },
          mime: { enum: [...ATTACHMENT_MIME_TYPES] },
          conversationId: { bsonType: "objectId" },
          messageId: { bsonType: "objectId" },
          thumbnailId: { bsonType: "objectId" },
        },
      },
    },
  },
});

export const attachmentChunksModel = defineModel({
  collection: ATTACHMENT_CHUNKS_COLLECTION,
  // GridFS's own unique index: reads a file's chunks in order, and deletes them by file.
  indexes: [{ key: { files_id: 1, n: 1 }, name: "files_id_1_n_1", unique: true }],
});

async function files(): Promise<Collection<AttachmentFileDoc>> {
  return modelCollection<AttachmentFileDoc>(attachmentFilesModel);
}

async function chunks(): Promise<Collection<AttachmentChunkDoc>> {
  return modelCollection<AttachmentChunkDoc>(attachmentChunksModel);
}

async function bucket(): Promise<GridFSBucket> {
  // Both collections (validator, indexes) exist before the driver's first write to them.
  await Promise.all([files(), chunks()]);
  return new GridFSBucket(await getDb(), { bucketName: ATTACHMENTS_BUCKET });
}

/** A write stream into the bucket; its `id` names the file. Abort with `discardUpload`. */
export async function openUpload(filename: string, metadata: AttachmentMetadata): Promise<GridFSBucketWriteStream> {
  return (await bucket()).openUploadStream(filename, { metadata });
}

/**
 * Removes whatever a failed upload wrote (chunks, and the files document if it got that far).
 * Called after the stream has settled, so no chunk write is still on its way.
 */
export async function discardUpload(owner: Owner, id: ObjectId): Promise<void> {
  await deleteAttachmentFiles(owner, [id]);
}

/** Chunks read per round trip: GridFSBucket's download stream takes the cursor's default (101, a whole 10 MB file). */
const DOWNLOAD_BATCH_CHUNKS = 4;

/**
 * The stored bytes, streamed a few chunks at a time, in order, checked for gaps (what GridFS's own
 * download stream checks). Hand-written because openDownloadStream cannot bound its batch size.
 * The caller has checked the owner with findAttachment.
 */
export async function openDownload(file: AttachmentFileDoc): Promise<Readable> {
  const cursor = findWith(await chunks(), q.chunksOf(file._id), { batchSize: DOWNLOAD_BATCH_CHUNKS });
  async function* bytes(): AsyncGenerator<Buffer> {
    let expected = 0;
    let length = 0;
    try {
      for await (const chunk of cursor) {
        if (chunk.n !== expected) throw new Error(`attachment ${file._id.toHexString()}: chunk ${expected} is missing`);
        const data = Buffer.from((chunk.data as Binary).buffer);
        expected += 1;
        length += data.length;
        yield data;
      }
      if (length !== file.length) throw new Error(`attachment ${file._id.toHexString()}: ${length} of ${file.length} bytes stored`);
    } finally {
      await cursor.close();
    }
  }
  return Readable.from(bytes(), { objectMode: false });
}

export async function findAttachment(owner: Owner, id: ObjectId): Promise<AttachmentFileDoc | null> {
  return findOneWith(await files(), q.find(owner, id));
}

export async function findAttachments(owner: Owner, ids: readonly ObjectId[]): Promise<AttachmentFileDoc[]> {
  if (ids.length === 0) return [];
  return findWith(await files(), q.findMany(owner, ids)).toArray();
}

export async function listAttachments(owner: Owner, limit: number): Promise<AttachmentFileDoc[]> {
  return findWith(await files(), q.listOriginals(owner, Math.min(MAX_ATTACHMENT_PAGE, Math.max(1, Math.floor(limit))))).toArray();
}

/** The data export and its archive: every original of the owner's, newest first, in batches. */
export async function exportAttachments(owner: Owner, batchSize: number): Promise<FindCursor<AttachmentFileDoc>> {
  return findWith(await files(), q.exportOriginals(owner), { batchSize });
}

/** Bytes the owner stores, thumbnails included. */
export async function storageUsed(owner: Owner): Promise<number> {
  const [row] = await aggregateWith<{ bytes: number }, AttachmentFileDoc>(await files(), q.usage(owner)).toArray();
  return row?.bytes ?? 0;
}

/** Links unsent files to a message; returns how many were linked (fewer: one was used or gone). */
export async function attachToMessage(owner: Owner, ids: readonly ObjectId[], conversationId: ObjectId, messageId: ObjectId): Promise<number> {
  if (ids.length === 0) return 0;
  return (await updateWith(await files(), q.attach(owner, ids, conversationId, messageId))).modifiedCount;
}

export type AttachmentDetails = Partial<Pick<AttachmentMetadata, "width" | "height" | "pages" | "thumbnailId" | "gemini">>;

export async function setAttachmentDetails(owner: Owner, id: ObjectId, details: AttachmentDetails): Promise<void> {
  await updateWith(await files(), q.setDetails(owner, id, details));
}

/** Deletes files documents (owner-checked) and their chunks; returns how many files went. */
export async function deleteAttachmentFiles(owner: Owner, ids: readonly ObjectId[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await deleteWith(await files(), q.deleteFiles(owner, ids));
  await deleteWith(await chunks(), q.deleteChunks(ids));
  return deleted;
}

async function deleteFound(owner: Owner, found: Pick<AttachmentFileDoc, "_id">[]): Promise<number> {
  return deleteAttachmentFiles(owner, found.map((doc) => doc._id));
}

export async function deleteConversationAttachments(owner: Owner, conversationId: ObjectId): Promise<number> {
  return deleteFound(owner, await findWith(await files(), q.idsOfConversation(owner, conversationId)).toArray());
}

/** The files (and thumbnails) of messages being deleted; joins the caller's transaction, if any. */
export async function deleteMessageAttachments(owner: Owner, messageIds: readonly ObjectId[]): Promise<number> {
  if (messageIds.length === 0) return 0;
  return deleteFound(owner, await findWith(await files(), q.idsOfMessages(owner, messageIds)).toArray());
}

/** Clear history and account deletion: every file of the owner's. */
export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteFound(owner, await findWith(await files(), q.idsOfOwner(owner)).toArray());
}

export type ExpiredUpload = Pick<AttachmentFileDoc, "_id"> & { metadata: Pick<AttachmentMetadata, "userId"> };

/** Uploads (originals and thumbnails) never sent and older than `before`, oldest first. */
export async function listExpiredUploads(before: Date, limit: number): Promise<ExpiredUpload[]> {
  return (await findWith(await files(), q.unsentBefore(before, limit)).toArray()) as ExpiredUpload[];
}

/**
 * Deletes one expired upload and its chunks, unless it was sent since it was listed: the files
 * document goes in one conditional delete (the same condition attachToMessage's update checks),
 * and only then its chunks. Returns whether it went.
 */
export async function deleteExpiredUpload(id: ObjectId, before: Date): Promise<boolean> {
  if ((await deleteWith(await files(), q.deleteIfStillUnsent(id, before))) === 0) return false;
  await deleteWith(await chunks(), q.deleteChunks([id]));
  return true;
}
