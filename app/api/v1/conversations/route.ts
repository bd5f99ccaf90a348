/** GET /api/v1/conversations — newest first, cursor-paginated; POST — start one (role + details). */
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { createConversationSchema } from "@/lib/shared/api/chat";
import { pageQuerySchema, parseQuery } from "@/lib/shared/api/common";
import { checkConversationCursor, listConversations, startConversation } from "@/lib/server/services/chat/conversation-service";
import { toConversationDTO } from "@/lib/server/services/chat/dto";
import { readJsonBody } from "@/lib/server/infra/http/handler";

export const GET = apiRoute(async (request, { owner }) => {
  const query = parseQuery(request, pageQuerySchema);
  checkConversationCursor(query.cursor);
  return jsonResponse(await listConversations(owner, query.cursor ?? null, query.limit));
});

export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request, createConversationSchema);
  return idempotentJson(request, caller, body, async () => {
    const conversation = await startConversation(caller.owner, body.roleId, body.details);
    return { status: 201, data: toConversationDTO(conversation) };
  });
});
