/** GET /api/v1/me/export/archive — the JSON export and every stored file in one zip, streamed (docs/api.md). */
import { exportArchiveResponse } from "@/lib/server/services/api/export-archive";
import { apiRoute } from "@/lib/server/services/api/route";

export const GET = apiRoute(async (_request, { owner }) => exportArchiveResponse(owner));
