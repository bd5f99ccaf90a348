/**
 * Every query models/attachments.ts sends to the GridFS bucket's collections, as shape builders:
 * the model runs exactly these and `attachmentsHotQueries` lists them for db:check. Every query
 * on the files collection carries the owner; chunk queries go by files_id, which the caller has
 * just read under the owner.
 */
import "server-only";
import type { ObjectId } from "mongodb";
import { hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import type { Owner } from "@/models/conversations";
import type { AttachmentChunkDoc, AttachmentDetails, AttachmentFileDoc } from "@/models/attachments";

export const ATTACHMENTS_BUCKET = "attachments";
export const ATTACHMENT_FILES_COLLECTION = `${ATTACHMENTS_BUCKET}.files`;
export const ATTACHMENT_CHUNKS_COLLECTION = `${ATTACHMENTS_BUCKET}.chunks`;

/** The largest listing a caller may ask for. */
export const MAX_ATTACHMENT_PAGE = 100;

const owned = (owner: Owner) => ({ "metadata.userId": owner });
const idOnly = { _id: 1, "metadata.thumbnailId": 1 };

export const attachmentQueries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<AttachmentFileDoc>({ filter: { _id: id, ...owned(owner) } }),
  findMany: (owner: Owner, ids: readonly ObjectId[]) =>
    shape.find<AttachmentFileDoc>({ filter: { _id: { $in: [...ids] }, ...owned(owner) }, limit: MAX_ATTACHMENT_PAGE }),
  /** The owner's originals, newest first (the export and the API listing). */
  listOriginals: (owner: Owner, limit: number) =>
    shape.find<AttachmentFileDoc>({ filter: { ...owned(owner), "metadata.variant": "original" }, sort: { uploadDate: -1 }, limit }),
  /** The data export: every original of the owner's, newest first (streamed, so unbounded). */
  exportOriginals: (owner: Owner) =>
    shape.find<AttachmentFileDoc>({ filter: { ...owned(owner), "metadata.variant": "original" }, sort: { uploadDate: -1 } }),
  /** Bytes stored by the owner, thumbnails included (they count against the quota too). */
  usage: (owner: Owner) => shape.aggregate([{ $match: owned(owner) }, { $group: { _id: null, bytes: { $sum: "$length" } } }]),
  /** Links not-yet-used files (and their thumbnails) to the message that carries them. */
  attach: (owner: Owner, ids: readonly ObjectId[], conversationId: ObjectId, messageId: ObjectId) =>
    shape.update<AttachmentFileDoc>({
      filter: { _id: { $in: [...ids] }, ...owned(owner), "metadata.messageId": { $exists: false } },
      update: { $set: { "metadata.conversationId": conversationId, "metadata.messageId": messageId } },
      multi: true,
    }),
  /** What is learnt once the bytes are stored: pixel size, page count, the thumbnail's id. */
  setDetails: (owner: Owner, id: ObjectId, details: AttachmentDetails) =>
    shape.update<AttachmentFileDoc>({
      filter: { _id: id, ...owned(owner) },
      update: { $set: Object.fromEntries(Object.entries(details).map(([key, value]) => [`metadata.${key}`, value])) },
    }),
  /** Ids to delete: a conversation's, a message's, or all of the owner's (thumbnails carry the same metadata). */
  idsOfConversation: (owner: Owner, conversationId: ObjectId) =>
    shape.find<AttachmentFileDoc>({ filter: { ...owned(owner), "metadata.conversationId": conversationId }, projection: idOnly }),
  idsOfMessages: (owner: Owner, messageIds: readonly ObjectId[]) =>
    shape.find<AttachmentFileDoc>({ filter: { ...owned(owner), "metadata.messageId": { $in: [...messageIds] } }, projection: idOnly }),
  idsOfOwner: (owner: Owner) => shape.find<AttachmentFileDoc>({ filter: owned(owner), projection: idOnly }),
  deleteFiles: (owner: Owner, ids: readonly ObjectId[]) => shape.deleteMany<AttachmentFileDoc>({ _id: { $in: [...ids] }, ...owned(owner) }),
  /**
   * Uploads never sent, oldest first, across every owner (the expiry sweep). `messageId: null`
   * matches the missing field, and the unsent_uploadDate index serves filter and sort.
   */
  unsentBefore: (before: Date, limit: number) =>
    shape.find<AttachmentFileDoc>({
      filter: { "metadata.messageId": null, uploadDate: { $lt: before } },
      sort: { uploadDate: 1 },
      limit,
      projection: { _id: 1, "metadata.userId": 1 },
    }),
  /** Deletes one listed upload only if it is still unsent and old: a send that won the race keeps it. */
  deleteIfStillUnsent: (id: ObjectId, before: Date) =>
    shape.deleteOne<AttachmentFileDoc>({ _id: id, "metadata.messageId": null, uploadDate: { $lt: before } }),
  /** A file's chunks in order (files_id_1_n_1 serves filter and sort). */
  chunksOf: (id: ObjectId) => shape.find<AttachmentChunkDoc>({ filter: { files_id: id }, sort: { n: 1 } }),
  deleteChunks: (ids: readonly ObjectId[]) => shape.deleteMany<AttachmentChunkDoc>({ files_id: { $in: [...ids] } }),
};

const owner = SAMPLE_OWNER;
const id = sampleId(40);
const conversationId = sampleId(41);
const messageId = sampleId(42);
const q = attachmentQueries;

export const attachmentsHotQueries = [
  ...hotQueriesOf(ATTACHMENT_FILES_COLLECTION, "models/attachments.ts", {
    find: ["findAttachment", q.find(owner, id)],
    findMany: ["findAttachments", q.findMany(owner, [id])],
    listOriginals: ["listAttachments", q.listOriginals(owner, 50)],
    usage: ["storageUsed", q.usage(owner)],
    exportOriginals: ["exportAttachments", q.exportOriginals(owner)],
    attach: ["attachToMessage", q.attach(owner, [id], conversationId, messageId)],
    setDetails: ["setAttachmentDetails", q.setDetails(owner, id, { width: 640, height: 480, thumbnailId: sampleId(43) })],
    idsOfConversation: ["deleteConversationAttachments", q.idsOfConversation(owner, conversationId)],
    idsOfMessages: ["deleteMessageAttachments", q.idsOfMessages(owner, [messageId])],
    idsOfOwner: ["deleteAllForOwner", q.idsOfOwner(owner)],
    deleteFiles: ["deleteAttachmentFiles", q.deleteFiles(owner, [id])],
    unsentBefore: ["listExpiredUploads", q.unsentBefore(SAMPLE_DATE, 100)],
    deleteIfStillUnsent: ["deleteExpiredUpload", q.deleteIfStillUnsent(id, SAMPLE_DATE)],
  }),
  ...hotQueriesOf(ATTACHMENT_CHUNKS_COLLECTION, "models/attachments.ts", {
    chunksOf: ["openDownload", q.chunksOf(id)],
    deleteChunks: ["deleteAttachmentFiles", q.deleteChunks([id])],
  }),
];
