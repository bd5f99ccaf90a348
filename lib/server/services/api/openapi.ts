/**
 * The OpenAPI 3.1 document, generated (zod-openapi) from the very schemas the handlers validate
 * with and the response schemas the contract tests check answers against. Served at
 * /api/v1/openapi.json and rendered at /docs/api.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { attachmentPaths } from "@/lib/server/services/api/openapi-attachments";
import { compatPaths } from "@/lib/server/services/api/openapi-compat";
import { importPaths } from "@/lib/server/services/api/openapi-imports";
import { conversationExportPaths } from "@/lib/server/services/api/openapi-conversation-export";
import { creating, idempotencyHeader, json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { projectPaths } from "@/lib/server/services/api/openapi-projects";
import { livePaths } from "@/lib/server/services/api/openapi-live";
import { searchPaths } from "@/lib/server/services/api/openapi-search";
import { sharePaths } from "@/lib/server/services/api/openapi-shares";
import {
  conversationPageSchema,
  conversationSchema,
  createConversationSchema,
  messagePageSchema,
  messagesQuerySchema,
  renameConversationSchema,
  replyBodySchema,
  proposalDecisionResultSchema,
  proposalDecisionSchema,
  replyResultSchema,
} from "@/lib/shared/api/chat";
import { objectIdSchema, pageQuerySchema } from "@/lib/shared/api/common";
import { exportQuerySchema } from "@/lib/shared/api/export";
import { meSchema } from "@/lib/shared/api/me";
import { briefBodySchema, briefHistorySchema, briefRestoreBodySchema, briefSchema, roleIdSchema, roleInputBodySchema, roleListSchema, roleResponseSchema } from "@/lib/shared/api/roles";

export const API_VERSION = "1.0.0";

const roleParams = { path: z.object({ roleId: roleIdSchema }) };
const conversationParams = { path: z.object({ conversationId: objectIdSchema }) };
const noContent = { "204": { description: "Deleted." } };

const SSE_DESCRIPTION = [
  "Server-sent events, in this order: `user` (data: `{ message: Message }`, the saved user message),",
  "`text` (data: `{ text }`, repeated), then `done` (data: `{ message: Message }`, the saved reply) or",
  "`error` (data: `{ code, message, retryAfterSeconds?, reply?: Message }`). Disconnecting stops the model;",
  "the partial reply is saved with status `stopped`.",
].join(" ");

const v1Paths: ZodOpenApiPathsObject = {
  "/api/v1/me": { get: op("The caller's account", ["Account"], { responses: { "200": json(meSchema) } }) },
  "/api/v1/me/export": {
    get: op("Download all my data", ["Account"], {
      description: "Everything the caller owns, streamed. Format documented in docs/api.md (`chatcraft-export`, version 1). Never contains password or token hashes.",
      requestParams: { query: exportQuerySchema },
      responses: {
        "200": {
          description: "The export, as one JSON document or as NDJSON (one record per line).",
          content: { "application/json": { schema: z.object({}).passthrough() }, "application/x-ndjson": { schema: z.string() } },
        },
      },
    }),
  },
  "/api/v1/roles": {
    get: op("List roles (built-in and yours)", ["Roles"], { responses: { "200": json(roleListSchema) } }),
    post: creating("Create a custom role", ["Roles"], roleInputBodySchema, roleResponseSchema, {
      extra: { "409": problem("Role limit reached, or an Idempotency-Key still running.") },
    }),
  },
  "/api/v1/roles/{roleId}": {
    get: op("Get a role", ["Roles"], { requestParams: roleParams, responses: { "200": json(roleResponseSchema) } }),
    put: op("Replace a custom role", ["Roles"], {
      requestParams: roleParams,
      requestBody: { content: { "application/json": { schema: roleInputBodySchema } } },
      responses: { "200": json(roleResponseSchema) },
    }),
    delete: op("Delete a custom role", ["Roles"], { requestParams: roleParams, responses: noContent }),
  },
  "/api/v1/roles/{roleId}/brief": {
    get: op("The details remembered for a role", ["Roles"], { requestParams: roleParams, responses: { "200": json(briefSchema) } }),
    put: op("Save the details for a role", ["Roles"], {
      requestParams: roleParams,
      requestBody: { content: { "application/json": { schema: briefBodySchema } } },
      responses: { "200": json(briefSchema) },
    }),
  },
  "/api/v1/roles/{roleId}/brief/history": {
    get: op("The brief's change history", ["Roles"], {
      description: "Newest first: each change's field, value and previous value, when, and where it came from (the form, a details card in a conversation, or a restore).",
      requestParams: roleParams,
      responses: { "200": json(briefHistorySchema) },
    }),
  },
  "/api/v1/roles/{roleId}/brief/restore": {
    post: op("Restore the value a history entry replaced", ["Roles"], {
      requestParams: roleParams,
      requestBody: { content: { "application/json": { schema: briefRestoreBodySchema } } },
      responses: { "200": json(briefSchema), "409": problem("The brief changed meanwhile; read it again.") },
    }),
  },
  "/api/v1/messages/{messageId}/proposal": {
    post: op("Apply or dismiss a reply's proposal", ["Conversations"], {
      description: "apply writes a details update to the role's brief and the conversation's details (and to the ticked sharedRoles), all or nothing; a proposal is used once.",
      requestParams: { path: z.object({ messageId: objectIdSchema }) },
      requestBody: { content: { "application/json": { schema: proposalDecisionSchema } } },
      responses: { "200": json(proposalDecisionResultSchema), "409": problem("The proposal was already applied or dismissed.") },
    }),
  },
  "/api/v1/conversations": {
    get: op("List conversations, newest first", ["Conversations"], { requestParams: { query: pageQuerySchema }, responses: { "200": json(conversationPageSchema) } }),
    post: creating("Start a conversation with a role", ["Conversations"], createConversationSchema, conversationSchema),
  },
  "/api/v1/conversations/{conversationId}": {
    get: op("Get a conversation", ["Conversations"], { requestParams: conversationParams, responses: { "200": json(conversationSchema) } }),
    patch: op("Rename a conversation", ["Conversations"], {
      requestParams: conversationParams,
      requestBody: { content: { "application/json": { schema: renameConversationSchema } } },
      responses: { "200": json(conversationSchema) },
    }),
    delete: op("Delete a conversation and its messages", ["Conversations"], { requestParams: conversationParams, responses: noContent }),
  },
  "/api/v1/conversations/{conversationId}/messages": {
    get: op("List messages", ["Conversations"], {
      requestParams: { ...conversationParams, query: messagesQuerySchema },
      responses: { "200": json(messagePageSchema) },
    }),
    post: op("Send a message and get the reply", ["Conversations"], {
      requestParams: { ...conversationParams, header: z.object({ "idempotency-key": idempotencyHeader }) },
      requestBody: { content: { "application/json": { schema: replyBodySchema } } },
      responses: {
        "200": {
          description: "The reply: server-sent events by default, one JSON object with `\"stream\": false` (and for a replayed Idempotency-Key).",
          content: { "text/event-stream": { schema: z.string().meta({ description: SSE_DESCRIPTION }) }, "application/json": { schema: replyResultSchema } },
        },
        "409": problem("A request with this Idempotency-Key is still running."),
        "422": problem("This Idempotency-Key was used for a different request."),
      },
    }),
  },
  "/api/v1/openapi.json": {
    get: {
      summary: "This document",
      description: "Public: no session or token needed, and cacheable (`Cache-Control: public`, with an `ETag`; `If-None-Match` gets 304).",
      tags: ["Meta"],
      security: [],
      responses: {
        "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: z.object({}).passthrough() } } },
        "304": { description: "Not modified (If-None-Match matched the ETag)." },
      },
    },
  },
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "ChatCraft API",
      version: API_VERSION,
      description:
        "Role-based AI chat, for programs. Authenticate with `Authorization: Bearer <token>` (Settings → API tokens) or the session cookie. Errors are RFC 9457 problem+json. Lists use cursor pagination (`limit` ≤ 100, opaque `nextCursor`).",
    },
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (cc_…), from Settings → API tokens." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session." },
      },
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [
      { name: "Account" },
      { name: "Roles" },
      { name: "Conversations" },
      { name: "Attachments", description: "Files sent with messages, stored in GridFS (docs/attachments.md)." },
      { name: "Imports", description: "Bring conversations in from ChatGPT, Claude or a ChatCraft export (docs/operations.md: limits)." },
      { name: "Projects", description: "Projects and their task boards (tasks in board order; move to reorder)." },
      { name: "Live", description: "Server-sent event streams of the caller's changes, resumable with Last-Event-ID." },
      { name: "Search", description: "Full-text search across your conversations, projects and tasks." },
      { name: "Sharing", description: "Read-only links to a snapshot of a conversation (details hidden unless chosen) or a project board." },
      { name: "Compatibility", description: "The architecture brief's endpoints, kept with their `{ success, data }` shapes." },
      { name: "Meta" },
    ],
    paths: { ...v1Paths, ...projectPaths(), ...livePaths(), ...searchPaths(), ...attachmentPaths(), ...importPaths(), ...conversationExportPaths(), ...sharePaths(), ...compatPaths() },
  });
  return cached;
}

/** How long browsers and shared caches may keep the document (it changes only with a deploy). */
export const OPENAPI_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

let served: { body: string; etag: string } | undefined;

/** The document as served: its JSON text and a strong ETag of it (computed once per process). */
export function openApiJson(): { body: string; etag: string } {
  if (!served) {
    const body = JSON.stringify(openApiDocument());
    served = { body, etag: `"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 32)}"` };
  }
  return served;
}
