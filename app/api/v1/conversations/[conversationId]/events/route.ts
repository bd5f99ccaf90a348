/**
 * GET /api/v1/conversations/:id/events — the conversation live, as server-sent events: new
 * messages, a streaming reply's chunks, its final state, the title. Resumes after `Last-Event-ID`.
 */
import { apiRoute } from "@/lib/server/services/api/route";
import { conversationEventsResponse } from "@/lib/server/services/live/live-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ conversationId: string }>(async (request, { owner }, { conversationId }) =>
  conversationEventsResponse(owner, conversationId, request),
);
