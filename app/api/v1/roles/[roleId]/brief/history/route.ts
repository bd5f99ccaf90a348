/** GET /api/v1/roles/:roleId/brief/history — the brief's changes, newest first (value, when, from where). */
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { getBriefHistory } from "@/lib/server/services/roles/brief-service";

type Params = { roleId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { roleId }) => jsonResponse(await getBriefHistory(owner, roleId)));
