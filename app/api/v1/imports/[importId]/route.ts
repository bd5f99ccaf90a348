/** GET /api/v1/imports/{importId} — an import job's progress and outcome (the caller's own only). */
import { getImport } from "@/lib/server/services/api/imports";
import { apiRoute } from "@/lib/server/services/api/route";

export const GET = apiRoute<{ importId: string }>(async (_request, caller, params) => getImport(caller, params.importId));
