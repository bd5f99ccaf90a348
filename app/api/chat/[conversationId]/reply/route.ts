/**
 * POST /api/chat/:conversationId/reply — send, regenerate or edit-and-resend, answered as an
 * NDJSON stream of ChatStreamEvents. Everything that refuses the request (401, 400, 404, 429)
 * happens before the stream starts and is problem+json; the user's message is saved before the
 * model is called. The reply outlives this response: a client that goes away (a reload) leaves it
 * streaming into MongoDB, where the page picks it up again; Stop is stopReplyAction.
 */
import { eventStreamResponse } from "@/lib/server/services/chat/event-stream";
import { prepareReply, runReply } from "@/lib/server/services/chat/reply-service";
import { replyRequestSchema } from "@/lib/shared/chat/schemas";
import { errorMessage } from "@/lib/shared/errors";
import { requireApiOwner } from "@/lib/server/services/auth/session";
import { readJsonBody, withApiErrors } from "@/lib/server/infra/http/handler";
import { logger } from "@/lib/server/infra/log";

interface RouteContext {
  params: Promise<{ conversationId: string }>;
}

export const POST = withApiErrors(async (request: Request, context: RouteContext): Promise<Response> => {
  const owner = await requireApiOwner();
  const { conversationId } = await context.params;
  const body = await readJsonBody(request, replyRequestSchema, { maxBytes: 128 * 1024 });
  const prepared = await prepareReply(owner, conversationId, body);
  return eventStreamResponse(
    "ndjson",
    request.signal,
    (signal, emit) => runReply(prepared, signal, emit),
    (error) => {
      logger().error({ err: error, conversationId }, "chat stream failed");
      return { type: "error", code: "internal", message: errorMessage("internal") };
    },
    { detached: true },
  );
});
