/**
 * POST /conversations/:id/messages: lib/chat's own reply flow (prepareReply, runReply — no second
 * copy), answered as server-sent events or, with "stream": false, one JSON object. With an
 * Idempotency-Key the saved messages are the stored answer, so a retry replays them (as events or
 * JSON, as the retry asks) instead of sending the message again.
 */
import "server-only";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { startIdempotent, replayResponse, type IdempotencyClaim } from "@/lib/server/services/api/idempotency";
import { jsonResponse } from "@/lib/server/services/api/route";
import { eventListResponse, eventStreamResponse } from "@/lib/server/services/chat/event-stream";
import { prepareReply, runReply } from "@/lib/server/services/chat/reply-service";
import type { ChatStreamEvent, MessageDTO } from "@/lib/shared/chat/types";
import { logger } from "@/lib/server/infra/log";
import type { StoredResult } from "@/models/idempotency-keys";

export interface ReplyResult {
  user: MessageDTO;
  reply: MessageDTO | null;
}

const INTERNAL_EVENT: ChatStreamEvent = { type: "error", code: "internal", message: "Something went wrong on our side. Try again." };

/** Follows the events of one reply and keeps what was saved. */
function collector() {
  const result: { user?: MessageDTO; reply: MessageDTO | null } = { reply: null };
  return {
    result,
    see(event: ChatStreamEvent): void {
      if (event.type === "user") result.user = event.message;
      else if (event.type === "done") result.reply = event.message;
      else if (event.type === "error" && event.reply) result.reply = event.reply;
    },
  };
}

function replayed(result: StoredResult, stream: boolean): Response {
  if (!stream) return replayResponse(result);
  const saved = JSON.parse(result.body) as ReplyResult;
  const response = eventListResponse("sse", replayEvents(saved));
  response.headers.set("idempotent-replayed", "true");
  return response;
}

/** What a client would have seen for a saved exchange: user, the reply's text, then done or error. */
function replayEvents(saved: ReplyResult): ChatStreamEvent[] {
  const events: ChatStreamEvent[] = [{ type: "user", message: saved.user }];
  const reply = saved.reply;
  if (!reply) return [...events, INTERNAL_EVENT];
  if (reply.message) events.push({ type: "text", text: reply.message });
  if (reply.status === "error") events.push({ type: "error", code: reply.errorCode ?? "internal", message: "The reply failed.", reply });
  else events.push({ type: "done", message: reply });
  return events;
}

async function settle(claim: IdempotencyClaim | null, result: { user?: MessageDTO; reply: MessageDTO | null }): Promise<void> {
  if (!claim) return;
  // Once the user's message is saved the request has created something: remember it, even if the reply failed.
  if (result.user) await claim.complete({ status: 200, body: JSON.stringify({ user: result.user, reply: result.reply }) });
  else await claim.release();
}

export async function sendReply(
  request: Request,
  caller: ApiCaller,
  conversationId: string,
  body: { text: string; attachmentIds?: string[]; stream: boolean },
): Promise<Response> {
  const start = await startIdempotent(request, caller, body);
  if (start.kind === "replay") return replayed(start.result, body.stream);
  const claim = start.kind === "claimed" ? start.claim : null;

  let prepared;
  try {
    prepared = await prepareReply(caller.owner, conversationId, { mode: "send", text: body.text, attachmentIds: body.attachmentIds });
  } catch (error) {
    await claim?.release();
    throw error;
  }
  const seen = collector();

  if (!body.stream) {
    try {
      await runReply(prepared, request.signal, seen.see);
    } finally {
      await settle(claim, seen.result);
    }
    return jsonResponse({ user: seen.result.user, reply: seen.result.reply });
  }

  return eventStreamResponse(
    "sse",
    request.signal,
    (signal, emit) =>
      runReply(prepared, signal, (event) => {
        seen.see(event);
        emit(event);
      }).finally(() => settle(claim, seen.result)),
    (error) => {
      logger().error({ err: error, conversationId }, "api reply stream failed");
      return INTERNAL_EVENT;
    },
  );
}
