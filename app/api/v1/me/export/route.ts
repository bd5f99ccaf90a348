/** GET /api/v1/me/export?format=json|ndjson — everything the caller owns, streamed (docs/api.md). */
import { exportResponse } from "@/lib/api/export";
import { apiRoute } from "@/lib/api/route";
import { parseQuery } from "@/lib/api/schemas/common";
import { exportQuerySchema } from "@/lib/api/schemas/export";

export const GET = apiRoute(async (request, { owner }) => exportResponse(owner, parseQuery(request, exportQuerySchema).format));
