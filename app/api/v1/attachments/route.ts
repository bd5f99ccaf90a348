/**
 * POST /api/v1/attachments — upload files (multipart/form-data, streamed into GridFS);
 * GET — the caller's newest files and storage used. This path is kept out of proxy.ts's matcher,
 * so Next.js does not buffer (and at 10 MB truncate) the body; apiRoute authenticates it.
 */
import { listAttachmentsFor, uploadAttachments } from "@/lib/server/services/api/attachments";
import { apiRoute } from "@/lib/server/services/api/route";
import { attachmentListQuerySchema, uploadQuerySchema } from "@/lib/shared/api/attachments";
import { parseQuery } from "@/lib/shared/api/common";

export const POST = apiRoute(async (request, caller) => uploadAttachments(request, caller, parseQuery(request, uploadQuerySchema).conversationId));

export const GET = apiRoute(async (request, caller) => listAttachmentsFor(caller, parseQuery(request, attachmentListQuerySchema).limit));
