/** GET /api/v1/conversations — newest first, cursor-paginated; POST — start one (role + details). */
import { idempotentJson } from "@/lib/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/api/route";
import { createConversationSchema } from "@/lib/api/schemas/chat";
import { pageQuerySchema, parseQuery } from "@/lib/api/schemas/common";
import { listConversations, startConversation } from "@/lib/chat/conversation-service";
import { toConversationDTO } from "@/lib/chat/dto";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/handler";
import { decodeConversationCursor } from "@/models/conversations";

export const GET = apiRoute(async (request, { owner }) => {
  const query = parseQuery(request, pageQuerySchema);
  if (query.cursor && !decodeConversationCursor(query.cursor)) {
    throw new AppError("invalid:cursor", "cursor is not valid.", { fields: { cursor: ["cursor is not valid."] } });
  }
  return jsonResponse(await listConversations(owner, query.cursor ?? null, query.limit));
});

export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request, createConversationSchema);
  return idempotentJson(request, caller, body, async () => {
    const conversation = await startConversation(caller.owner, body.roleId, body.details);
    return { status: 201, data: toConversationDTO(conversation) };
  });
});
