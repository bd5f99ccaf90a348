/**
 * Streams a source into a GridFS upload one chunk at a time: the next chunk is read only once the
 * last one is written, so memory stays at a chunk or two whatever the file's size, and when the
 * source fails no chunk write is still in flight — the cleanup then removes everything written.
 */
import "server-only";
import type { GridFSBucketWriteStream, ObjectId } from "mongodb";
import { discardUpload, openUpload, type AttachmentMetadata } from "@/models/attachments";

function write(upload: GridFSBucketWriteStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => upload.write(chunk, (error) => (error ? reject(error) : resolve())));
}

function end(upload: GridFSBucketWriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.once("error", reject);
    upload.end(() => resolve());
  });
}

/** Stores `source` as a new file; on any failure nothing of it is left and the error is rethrown. */
export async function writeToGridFs(source: AsyncIterable<Buffer>, filename: string, metadata: AttachmentMetadata): Promise<{ id: ObjectId; length: number }> {
  const upload = await openUpload(filename, metadata);
  const id = upload.id as ObjectId;
  let length = 0;
  try {
    for await (const chunk of source) {
      length += chunk.length;
      await write(upload, chunk);
    }
    await end(upload);
    return { id, length };
  } catch (error) {
    upload.destroy();
    await discardUpload(metadata.userId, id);
    throw error;
  }
}

