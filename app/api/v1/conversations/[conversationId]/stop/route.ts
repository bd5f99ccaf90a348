/**
 * POST /api/v1/conversations/:id/stop — Stop from anywhere: the replies streaming in this
 * conversation stop within a second on whichever instance streams them, keeping their partial
 * text. 202 while one is being stopped, 200 `idle` when none streams (so a repeated Stop is safe).
 */
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { stopConversationReplies } from "@/lib/server/services/live/stop-reply";

export const POST = apiRoute<{ conversationId: string }>(async (_request, { owner }, { conversationId }) => {
  const result = await stopConversationReplies(owner, conversationId);
  return jsonResponse(result, { status: result.state === "stopping" ? 202 : 200 });
});
