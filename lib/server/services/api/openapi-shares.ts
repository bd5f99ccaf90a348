/** /api/v1/shares in the OpenAPI document, from the schemas the routes validate and answer with. */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { creating, json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { createShareBodySchema, shareIdSchema, shareListSchema, updateShareBodySchema } from "@/lib/shared/api/shares";
import { shareLinkSchema } from "@/lib/shared/sharing/dto";

const shareParams = { path: z.object({ shareId: shareIdSchema }) };

const CREATE = [
  "A read-only snapshot of one of your conversations, opened at `/s/{token}` by anyone with the link (no account).",
  "Every role detail is hidden unless named in `visibleFields`: a hidden value is left out of the details and replaced by `[hidden]` wherever it appears in the title and messages.",
  "`upToMessageId` stops the snapshot at that message (absent: the whole conversation); `displayName` is shown as “Shared by …” when not blank; `expiresIn` is days (`1`, `7`, `30`) or `never`.",
  "With `projectId` instead of `conversationId`, it shares that project's board read-only at `/s/board/{token}`: the name, description and tasks by status (no notes), and the project's chat only with `includeChat: true` (details hidden).",
].join(" ");

const UPDATE = [
  "Update link: a new snapshot of the conversation as it is now, under the same URL (views are kept).",
  "Fields left out keep their current value; `upToMessageId: null` shares the whole conversation; `includeChat` applies to board links; the expiry counts again from now. A revoked or expired link is 404.",
].join(" ");

export function sharePaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/shares": {
      get: op("List your share links (conversations and boards), newest first", ["Sharing"], {
        description: "Every link (at most 100), live, revoked or expired, with its views; ended links stay listed 30 days.",
        responses: { "200": json(shareListSchema) },
      }),
      post: {
        ...creating("Share a conversation or a project board by link", ["Sharing"], createShareBodySchema, shareLinkSchema, {
          extra: { "409": problem("The limit of 100 share links is reached (revoke one), or an Idempotency-Key still running.") },
        }),
        description: CREATE,
      },
    },
    "/api/v1/shares/{shareId}": {
      get: op("Get a share link", ["Sharing"], { requestParams: shareParams, responses: { "200": json(shareLinkSchema) } }),
      patch: op("Update a share link (re-snapshot, change its options)", ["Sharing"], {
        description: UPDATE,
        requestParams: shareParams,
        requestBody: { content: { "application/json": { schema: updateShareBodySchema } } },
        responses: { "200": json(shareLinkSchema) },
      }),
      delete: op("Revoke a share link", ["Sharing"], {
        description: "The link answers 404 from the next request on, on every instance. Revoking it again is 404.",
        requestParams: shareParams,
        responses: { "204": { description: "Revoked." } },
      }),
    },
  };
}
