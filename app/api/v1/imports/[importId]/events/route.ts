/** GET /api/v1/imports/{importId}/events — an import job's progress as server-sent events, until it finishes. */
import { importEventsResponse } from "@/lib/server/services/api/import-events";
import { apiRoute } from "@/lib/server/services/api/route";

export const GET = apiRoute<{ importId: string }>(async (request, caller, params) => importEventsResponse(request, caller, params.importId));
