/** GET /api/v1/conversations/:id/export?format=markdown|json — one conversation as a download. */
import { apiRoute } from "@/lib/server/services/api/route";
import { exportConversationResponse } from "@/lib/server/services/export/conversation-export";
import { parseQuery } from "@/lib/shared/api/common";
import { conversationExportQuerySchema } from "@/lib/shared/export/conversation-export";

type Params = { conversationId: string };

export const GET = apiRoute<Params>(async (request, { owner }, { conversationId }) =>
  exportConversationResponse(owner, conversationId, parseQuery(request, conversationExportQuerySchema).format),
);
