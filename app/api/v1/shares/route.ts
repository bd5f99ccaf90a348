/** GET /api/v1/shares — the caller's share links, newest first; POST — share a conversation or a project's board (a snapshot). */
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { createBoardShare } from "@/lib/server/services/sharing/board-share";
import { createShare, listShares } from "@/lib/server/services/sharing/share-service";
import { createShareBodySchema } from "@/lib/shared/api/shares";

export const GET = apiRoute(async (_request, { owner }) => jsonResponse({ items: await listShares(owner) }));

export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request, createShareBodySchema);
  const { conversationId, projectId, ...options } = body;
  return idempotentJson(request, caller, body, async () => ({
    status: 201,
    data: projectId ? await createBoardShare(caller.owner, projectId, options) : await createShare(caller.owner, conversationId ?? "", options),
  }));
});
