/** The /api/v1/attachments operations of the OpenAPI document (kept apart to keep openapi.ts short). */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { attachmentListQuerySchema, attachmentListSchema, attachmentResponseSchema, uploadQuerySchema, uploadResponseSchema } from "@/lib/shared/api/attachments";
import { objectIdSchema } from "@/lib/shared/api/common";
import { ATTACHMENT_MIME_TYPES } from "@/lib/shared/attachments/types";

const binary = { schema: z.string().meta({ format: "binary" }) };
/** Every type a file is served as (its own, decided at upload; thumbnails are WebP). */
const served = Object.fromEntries([...new Set([...ATTACHMENT_MIME_TYPES, "image/webp"])].map((type) => [type, binary]));

const params = { path: z.object({ attachmentId: objectIdSchema }) };
const tags = ["Attachments"];

const DOWNLOAD_DESCRIPTION =
  "The stored bytes, streamed. Served with `X-Content-Type-Options: nosniff`, a sandboxing `Content-Security-Policy` and `Content-Disposition` (`inline` only for images, which the server re-encoded; everything else `attachment`).";

const download = (summary: string, description: string) =>
  op(summary, tags, {
    description,
    requestParams: params,
    responses: { "200": { description: "The file.", content: served } },
  });

export function attachmentPaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/attachments": {
      get: op("My files, newest first, and storage used", tags, { requestParams: { query: attachmentListQuerySchema }, responses: { "200": json(attachmentListSchema) } }),
      post: op("Upload files", tags, {
        description:
          "multipart/form-data, one part per file (at most ATTACHMENT_MAX_FILES_PER_MESSAGE, default 5; each at most ATTACHMENT_MAX_FILE_BYTES, default 10 MB), streamed into storage. The type is decided from the bytes: PNG, JPEG, WebP, GIF, PDF, or UTF-8 text / Markdown / CSV. If any file is refused, none is kept. Send the returned ids as `attachmentIds` with a message.",
        requestParams: { query: uploadQuerySchema },
        requestBody: { content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) } } },
        responses: {
          "201": json(uploadResponseSchema, "Stored"),
          "413": problem("A file is over the size limit, or the storage quota is used up."),
          "415": problem("Not multipart/form-data, or a type that cannot be attached (SVG, HTML, archives…)."),
          "422": problem("The bytes do not match the claimed type, the file is damaged, or an image has too many pixels."),
        },
      }),
    },
    "/api/v1/attachments/{attachmentId}": {
      get: op("A file's details", tags, { requestParams: params, responses: { "200": json(attachmentResponseSchema) } }),
      delete: op("Delete a file not yet sent with a message", tags, {
        requestParams: params,
        responses: { "204": { description: "Deleted." }, "409": problem("The file was sent with a message: delete the conversation to delete it.") },
      }),
    },
    "/api/v1/attachments/{attachmentId}/content": { get: download("Download a file (owner only)", DOWNLOAD_DESCRIPTION) },
    "/api/v1/attachments/{attachmentId}/thumbnail": { get: download("An image's thumbnail (WebP, at most 320 px)", "404 for files that are not images.") },
    "/api/v1/me/export/archive": {
      get: op("Download all my data with my files, as a zip", ["Account"], {
        description:
          "One zip, streamed: `export.json` (the same document as GET /api/v1/me/export) and every stored file at `attachments/<id>-<name>` — the `archivePath` of its entry in export.json's `attachments` list. Never contains password or token hashes.",
        responses: { "200": { description: "The archive.", content: { "application/zip": binary } } },
      }),
    },
  };
}
