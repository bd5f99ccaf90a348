/** OpenAPI operations of the brief's compatibility endpoints (/api/chat/history, /api/chat/save). */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { creating, json, op } from "@/lib/server/services/api/openapi-parts";
import { problemSchema } from "@/lib/shared/api/common";
import {
  chatTypeQuerySchema,
  deleteHistoryResponseSchema,
  historyResponseSchema,
  saveChatSchema,
  saveResponseSchema,
  userIdParamsSchema,
} from "@/lib/shared/api/compat";

const tags = ["Compatibility"];
const params = { path: userIdParamsSchema, query: chatTypeQuerySchema };
/** The brief's envelope on refusals: problem+json plus `success: false`. */
const compatProblem = problemSchema.extend({ success: z.literal(false) }).meta({ id: "CompatProblem" });

export function compatPaths(): ZodOpenApiPathsObject {
  return {
    "/api/chat/history/{userId}": {
      get: op("The chat type's history: ChatMessage exchanges, oldest first", tags, {
        description:
          "`userId` must be the caller's own id; any other id is 404. `data` is an array of ChatMessage, sorted by `createdAt` ascending: each pairs a user message with the AI response that followed it, from the chat type's latest conversation (the newest 500).",
        requestParams: params,
        responses: { "200": json(historyResponseSchema) },
      }, compatProblem),
      delete: op("Delete every conversation of a chat type", tags, {
        description: "`userId` must be the caller's own id. `data.deletedCount` is the number of ChatMessage exchanges deleted.",
        requestParams: params,
        responses: { "200": json(deleteHistoryResponseSchema) },
      }, compatProblem),
    },
    "/api/chat/save": {
      post: creating(
        "Store a message and its response in the chat type's latest conversation (started if needed); answers the saved ChatMessage",
        tags,
        saveChatSchema,
        saveResponseSchema,
        { problems: compatProblem },
      ),
    },
  };
}
