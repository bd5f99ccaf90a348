/**
 * GET /api/v1/me/export/archive: one zip with the JSON export (`export.json`, the same document
 * as GET /api/v1/me/export) and every file the user stored (`attachments/<id>-<name>`, the
 * `archivePath` each attachment reference in export.json names). Streamed with yazl: each entry's
 * bytes are read from GridFS only when the zip reaches it and the client has taken what came
 * before, so memory stays flat whatever the user stores. Entries are stored, not deflated: the
 * images and PDFs are compressed already, and the JSON is small beside them.
 */
import "server-only";
import { Readable } from "node:stream";
import type { ObjectId } from "mongodb";
import { ZipFile } from "yazl";
import { AppError } from "@/lib/shared/errors";
import { archivePathOf, readExportProfile } from "@/lib/server/services/account/export-user-data";
import { jsonPieces } from "@/lib/server/services/api/export";
import { logger } from "@/lib/server/infra/log";
import { exportAttachments, openDownload } from "@/models/attachments";

const BATCH = 100;

/** Lists every stored original as a lazy entry (its bytes are opened when the zip gets to it), then ends the zip. */
async function addFiles(zip: ZipFile, owner: ObjectId, mtime: Date): Promise<void> {
  for await (const file of await exportAttachments(owner, BATCH)) {
    zip.addReadStreamLazy(archivePathOf(file), { mtime, compress: false, size: file.length }, (callback) => {
      openDownload(file).then((stream) => callback(null, stream), (error: unknown) => callback(error, Readable.from([])));
    });
  }
  zip.end();
}

export async function exportArchiveResponse(owner: ObjectId, now: Date = new Date()): Promise<Response> {
  const profile = await readExportProfile(owner);
  if (!profile) throw new AppError("not_found:user");
  const exportedAt = now.toISOString();
  const zip = new ZipFile();
  // A file that cannot be read (a chunk missing) fails the archive: it is cut, never silently short.
  zip.on("error", (error: unknown) => {
    logger().error({ err: error }, "export archive failed");
    (zip.outputStream as Readable).destroy(error instanceof Error ? error : new Error(String(error)));
  });
  zip.addReadStream(Readable.from(jsonPieces(owner, profile, exportedAt)), "export.json", { mtime: now, compress: true });
  // Headers are sent by then: the only honest signal left is a cut stream, which no zip reader accepts.
  addFiles(zip, owner, now).catch((error: unknown) => zip.emit("error", error));
  return new Response(Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="chatcraft-export-${exportedAt.slice(0, 10)}.zip"`,
      "cache-control": "no-store",
    },
  });
}
