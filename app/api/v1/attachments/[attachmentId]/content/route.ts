/** GET /api/v1/attachments/:id/content — the stored bytes (owner only; another user's id is 404). */
import { downloadResponse } from "@/lib/server/services/api/attachments";
import { apiRoute } from "@/lib/server/services/api/route";

export const GET = apiRoute<{ attachmentId: string }>(async (_request, caller, { attachmentId }) => downloadResponse(caller, attachmentId, "original"));
