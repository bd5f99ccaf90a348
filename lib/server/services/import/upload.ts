/**
 * POST /api/v1/imports' body: multipart/form-data with a `roleId` field and one `file`, parsed as
 * it arrives (busboy) and streamed to a temporary file through the attachments' UploadGuard (size
 * limit, stalled sender), so a 200 MB export never sits in memory. The job then reads that file
 * in the background and it is deleted when the job ends. A zip (ChatGPT's export as downloaded)
 * is refused at once with what to do instead.
 */
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { randomBytes } from "node:crypto";
import busboy from "busboy";
import { getEnv } from "@/lib/server/infra/env";
import { logger } from "@/lib/server/infra/log";
import { UploadGuard } from "@/lib/server/services/attachments/upload-guard";
import { createImportJob, requireImportRole, runImportJob } from "@/lib/server/services/import/import-service";
import { AppError } from "@/lib/shared/errors";
import { importFieldsSchema } from "@/lib/shared/import/schemas";
import type { Owner } from "@/models/conversations";
import type { ImportJobDoc } from "@/models/import-jobs";

const FRAMING_BYTES = 64 * 1024;
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");

interface Received {
  path: string;
  fileName: string;
  bytes: number;
  fields: Record<string, string>;
}

const tooLarge = () => {
  const mb = Math.floor(getEnv().IMPORT_MAX_BYTES / (1024 * 1024));
  return new AppError("payload_too_large:import", `The file is larger than the import limit of ${mb} MB.`, { fields: { file: [`The file is larger than the import limit of ${mb} MB.`] } });
};

function parser(contentType: string): busboy.Busboy {
  try {
    return busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6 } });
  } catch (error) {
    throw new AppError("unsupported_media_type:multipart", "Send the file as multipart/form-data with a boundary.", { cause: error });
  }
}

/** Receives the body into a temporary file; on any failure the file is removed and the error thrown. */
async function receive(request: Request): Promise<Received> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new AppError("unsupported_media_type:multipart", "Send the file as multipart/form-data.");
  const { IMPORT_MAX_BYTES, IMPORT_UPLOAD_IDLE_MS } = getEnv();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > IMPORT_MAX_BYTES + FRAMING_BYTES) throw tooLarge();
  if (!request.body) throw new AppError("invalid:import_file", undefined, { fields: { file: ["Choose a file to import."] } });
  const path = join(tmpdir(), `chatcraft-import-${randomBytes(8).toString("hex")}.json`);
  const raw = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const parse = parser(contentType);
  const received: Received = { path, fileName: "", bytes: 0, fields: {} };
  let failure: unknown;
  let file: Promise<void> | undefined;
  const fail = (error: unknown) => {
    failure ??= error;
    raw.destroy();
  };
  await new Promise<void>((resolve) => {
    parse.on("field", (name, value) => (received.fields[name] = value));
    parse.on("file", (_name, stream, info) => {
      received.fileName = info.filename || "conversations.json";
      const guard = new UploadGuard({ maxBytes: IMPORT_MAX_BYTES, idleMs: IMPORT_UPLOAD_IDLE_MS, tooLarge });
      file = new Promise<void>((done) => pipeline(stream, guard, createWriteStream(path), (error) => {
        received.bytes = guard.bytes;
        if (error) fail(error);
        done();
      }));
    });
    pipeline(raw, new UploadGuard({ maxBytes: IMPORT_MAX_BYTES + FRAMING_BYTES, idleMs: IMPORT_UPLOAD_IDLE_MS, tooLarge }), parse, (error) => {
      if (error) fail(error instanceof AppError ? error : new AppError("invalid:import_file", "The upload could not be read.", { cause: error }));
      resolve();
    });
  });
  await file;
  if (!failure && !file) failure = new AppError("invalid:import_file", undefined, { fields: { file: ["Choose a file to import."] } });
  if (!failure && received.bytes === 0) failure = new AppError("invalid:import_file", "The file is empty.", { fields: { file: ["The file is empty."] } });
  if (failure) {
    await rm(path, { force: true });
    throw failure;
  }
  return received;
}

async function startsLikeZip(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { start: 0, end: 3 })) return ZIP_MAGIC.equals(chunk as Buffer);
  return false;
}

/** Receives the upload, checks it, opens the job and starts it in the background; answers the queued job. */
export async function startImportFromUpload(owner: Owner, request: Request): Promise<ImportJobDoc> {
  const received = await receive(request);
  try {
    const fields = importFieldsSchema.safeParse(received.fields);
    if (!fields.success) throw new AppError("invalid:input", fields.error.issues[0]?.message, { fields: { roleId: fields.error.issues.map((issue) => issue.message) } });
    if (await startsLikeZip(received.path)) {
      const message = "This is a zip archive. Unzip the export first and choose the conversations.json inside it.";
      throw new AppError("unprocessable:import_format", message, { fields: { file: [message] } });
    }
    const role = await requireImportRole(owner, fields.data.roleId);
    const job = await createImportJob(owner, { fileName: received.fileName, roleId: role.id, bytesTotal: received.bytes });
    // The job outlives the request: it reads the file after the 202 has been sent.
    void runImportJob(owner, job, role, createReadStream(received.path))
      .catch((error: unknown) => logger().error({ err: error }, "import: the job could not finish"))
      .finally(() => rm(received.path, { force: true }));
    return job;
  } catch (error) {
    await rm(received.path, { force: true });
    throw error;
  }
}
