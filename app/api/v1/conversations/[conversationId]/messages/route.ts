/**
 * GET /api/v1/conversations/:id/messages — a page of messages, oldest or newest first.
 * POST — send a message and get the reply as server-sent events (or JSON with "stream": false).
 */
import { listMessagesFor } from "@/lib/server/services/api/messages-page";
import { sendReply } from "@/lib/server/services/api/reply";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { messagesQuerySchema, replyBodySchema } from "@/lib/shared/api/chat";
import { parseQuery } from "@/lib/shared/api/common";
import { readJsonBody } from "@/lib/server/infra/http/handler";

type Params = { conversationId: string };

export const GET = apiRoute<Params>(async (request, { owner }, { conversationId }) =>
  jsonResponse(await listMessagesFor(owner, conversationId, parseQuery(request, messagesQuerySchema))),
);

export const POST = apiRoute<Params>(async (request, caller, { conversationId }) => {
  const body = await readJsonBody(request, replyBodySchema, { maxBytes: 128 * 1024 });
  return sendReply(request, caller, conversationId, body);
});
