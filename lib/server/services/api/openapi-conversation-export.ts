/** GET /api/v1/conversations/{id}/export in the OpenAPI document, from the schemas the route uses. */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { op } from "@/lib/server/services/api/openapi-parts";
import { objectIdSchema } from "@/lib/shared/api/common";
import { conversationExportQuerySchema, conversationExportSchema } from "@/lib/shared/export/conversation-export";

const DESCRIPTION = [
  "A download (`Content-Disposition: attachment`) of one conversation, oldest message first, streamed.",
  "`markdown`: the title, role and dates, the details, then each message under its author and time (code stays fenced; attachments listed by name, type and size).",
  "`json`: `chatcraft-conversation` version 1 (schema below). Your own data, so the role's details are included.",
].join(" ");

export function conversationExportPaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/conversations/{conversationId}/export": {
      get: op("Export a conversation as Markdown or JSON", ["Conversations"], {
        description: DESCRIPTION,
        requestParams: { path: z.object({ conversationId: objectIdSchema }), query: conversationExportQuerySchema },
        responses: {
          "200": {
            description: "The conversation, as a file to save.",
            content: { "application/json": { schema: conversationExportSchema }, "text/markdown": { schema: z.string() } },
          },
        },
      }),
    },
  };
}
