/** GET /api/v1/attachments/:id/thumbnail — an image's stored WebP preview (owner only). */
import { downloadResponse } from "@/lib/server/services/api/attachments";
import { apiRoute } from "@/lib/server/services/api/route";

export const GET = apiRoute<{ attachmentId: string }>(async (_request, caller, { attachmentId }) => downloadResponse(caller, attachmentId, "thumbnail"));
