/** GET/PUT /api/v1/roles/:roleId/brief — the details remembered for a role (validated like the form). */
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { briefRole, getBrief, saveBrief } from "@/lib/server/services/roles/brief-service";
import { briefBodySchema } from "@/lib/shared/api/roles";

type Params = { roleId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { roleId }) => jsonResponse(await getBrief(owner, roleId)));

export const PUT = apiRoute<Params>(async (request, { owner }, { roleId }) => {
  // The role first: an unknown role is 404 whatever the body.
  const role = await briefRole(owner, roleId);
  const body = await readJsonBody(request, briefBodySchema);
  return jsonResponse(await saveBrief(owner, role, body.details));
});
