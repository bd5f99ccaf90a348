/**
 * POST /api/v1/attachments: a multipart/form-data body parsed as it arrives (busboy), each file
 * streamed straight into GridFS by storeAttachment. The whole body is bounded too (every file at
 * its limit plus room for the multipart framing) and stopped if it goes quiet. If any file is
 * refused, or there is one file too many, the request stores nothing: the files already stored
 * from it are deleted again.
 */
import "server-only";
import { pipeline, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { attachmentLimits } from "@/lib/server/services/attachments/limits";
import { storeAttachment } from "@/lib/server/services/attachments/store-attachment";
import { UploadGuard } from "@/lib/server/services/attachments/upload-guard";
import type { Owner } from "@/models/conversations";
import { deleteAttachmentFiles, type AttachmentFileDoc } from "@/models/attachments";

/** Multipart headers and the few text fields a client might add. */
const FRAMING_BYTES = 64 * 1024;

function parser(contentType: string): busboy.Busboy {
  const { maxFilesPerMessage, maxFileBytes } = attachmentLimits();
  try {
    // fileSize one past our limit: the UploadGuard inside storeAttachment names the file that passed it.
    return busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: maxFilesPerMessage, fileSize: maxFileBytes + 1, fields: 10, fieldSize: 1024, parts: maxFilesPerMessage + 10 } });
  } catch (error) {
    throw new AppError("unsupported_media_type:multipart", "Send the files as multipart/form-data with a boundary.", { cause: error });
  }
}

function idsOf(docs: readonly AttachmentFileDoc[]): ObjectId[] {
  return docs.flatMap((doc) => [doc._id, ...(doc.metadata.thumbnailId ? [doc.metadata.thumbnailId] : [])]);
}

export async function storeUploads(owner: Owner, request: Request, conversationId?: ObjectId): Promise<AttachmentFileDoc[]> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new AppError("unsupported_media_type:multipart");
  if (!request.body) throw new AppError("invalid:attachment", "Attach at least one file.");
  const limits = attachmentLimits();
  const parse = parser(contentType);
  const raw = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const bodyGuard = new UploadGuard({
    maxBytes: limits.maxFilesPerMessage * limits.maxFileBytes + FRAMING_BYTES,
    idleMs: limits.idleMs,
    tooLarge: () => new AppError("payload_too_large:attachment", "The upload is larger than the files it may carry."),
  });

  const stored: AttachmentFileDoc[] = [];
  const pending: Promise<unknown>[] = [];
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    raw.destroy();
  };

  const done = new Promise<void>((resolve) => {
    parse.on("file", (_field, file, info) => {
      if (failure) {
        file.resume();
        return;
      }
      const stream = file as unknown as Readable;
      // Files finish in any order; the answer lists them in the order they were sent.
      const index = pending.length;
      pending.push(storeAttachment(owner, { name: info.filename ?? "file", claimedType: info.mimeType, content: stream, conversationId }).then((doc) => (stored[index] = doc), fail));
    });
    parse.on("filesLimit", () => fail(new AppError("invalid:attachment_count", `Attach at most ${limits.maxFilesPerMessage} files at once.`)));
    parse.on("close", resolve);
    pipeline(raw, bodyGuard, parse, (error) => {
      if (error) fail(error instanceof AppError ? error : new AppError("invalid:attachment", "The upload could not be read.", { cause: error }));
      resolve();
    });
  });
  await done;
  await Promise.allSettled(pending);
  if (!failure && pending.length === 0) failure = new AppError("invalid:attachment", "Attach at least one file.");
  if (failure) {
    await deleteAttachmentFiles(owner, idsOf(stored.filter(Boolean)));
    throw failure;
  }
  return stored;
}
