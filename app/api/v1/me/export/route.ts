/** GET /api/v1/me/export?format=json|ndjson — everything the caller owns, streamed (docs/api.md). */
import { exportResponse } from "@/lib/server/services/api/export";
import { apiRoute } from "@/lib/server/services/api/route";
import { parseQuery } from "@/lib/shared/api/common";
import { exportQuerySchema } from "@/lib/shared/api/export";

export const GET = apiRoute(async (request, { owner }) => exportResponse(owner, parseQuery(request, exportQuerySchema).format));
