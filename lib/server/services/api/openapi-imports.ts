/** The /api/v1/imports operations of the OpenAPI document, from the schemas the routes answer with. */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { objectIdSchema } from "@/lib/shared/api/common";
import { DEFAULT_IMPORT_ROLE_ID, importJobResponseSchema } from "@/lib/shared/import/schemas";

const tags = ["Imports"];

const DESCRIPTION = [
  "multipart/form-data with one `file` (at most IMPORT_MAX_BYTES, default 256 MB) and an optional `roleId`",
  `(default \`${DEFAULT_IMPORT_ROLE_ID}\`): a ChatGPT \`conversations.json\` (branches flattened to the path last shown),`,
  "a Claude `conversations.json`, or ChatCraft's own `chatcraft-export` v1 (JSON or NDJSON). The format is told from the contents.",
  "The body is streamed to the server and read one conversation at a time; the answer is 202 with a job to poll.",
  "Each conversation is written whole or not at all; one already imported from the same source is skipped, never duplicated.",
  "One import at a time per user.",
].join(" ");

export function importPaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/imports": {
      post: op("Import conversations from ChatGPT, Claude or a ChatCraft export", tags, {
        description: DESCRIPTION,
        requestBody: {
          content: { "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }), roleId: z.string().optional() }) } },
        },
        responses: {
          "202": json(importJobResponseSchema, "Queued: poll the job"),
          "404": problem("The role is not one of yours."),
          "409": problem("An import is already running."),
          "413": problem("The file is over the import limit."),
          "415": problem("Not multipart/form-data."),
          "422": problem("A zip archive rather than the conversations.json inside it."),
        },
      }),
    },
    "/api/v1/imports/{importId}": {
      get: op("An import's progress and outcome", tags, {
        description: "Poll until `status` is `done` or `failed`. `bytesRead`/`bytesTotal` is the progress; `error` says why a failed import stopped (a file of the wrong kind, malformed or cut off).",
        requestParams: { path: z.object({ importId: objectIdSchema }) },
        responses: { "200": json(importJobResponseSchema) },
      }),
    },
    "/api/v1/imports/{importId}/events": {
      get: op("An import's progress as server-sent events", tags, {
        description: "`event: progress` with `data: {\"job\": ImportJob}` each time the job moves (checked every 0.5 s); the stream ends after the event whose job is `done` or `failed`.",
        requestParams: { path: z.object({ importId: objectIdSchema }) },
        responses: { "200": { description: "The progress events.", content: { "text/event-stream": { schema: importJobResponseSchema } } } },
      }),
    },
  };
}
