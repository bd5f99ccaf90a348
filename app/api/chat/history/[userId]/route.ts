/**
 * The brief's GET/DELETE /api/chat/history/:userId?chatType=navigation|project-planning, with its
 * exact wire format: GET → `{ success: true, data: ChatMessage[] }` (oldest first), DELETE →
 * `{ success: true, data: { deletedCount } }`. The caller must be :userId (session or token), else 404.
 */
import { deleteHistory, readHistory, requireSelf } from "@/lib/server/services/api/compat";
import { compatRoute } from "@/lib/server/services/api/compat-route";
import { jsonResponse } from "@/lib/server/services/api/route";
import { parseQuery } from "@/lib/shared/api/common";
import { chatTypeQuerySchema } from "@/lib/shared/api/compat";

type Params = { userId: string };

export const GET = compatRoute<Params>(async (request, caller, { userId }) => {
  requireSelf(caller, userId);
  const { chatType } = parseQuery(request, chatTypeQuerySchema);
  return jsonResponse({ success: true, data: await readHistory(caller, chatType) });
});

export const DELETE = compatRoute<Params>(async (request, caller, { userId }) => {
  requireSelf(caller, userId);
  const { chatType } = parseQuery(request, chatTypeQuerySchema);
  return jsonResponse({ success: true, data: await deleteHistory(caller, chatType) });
});
