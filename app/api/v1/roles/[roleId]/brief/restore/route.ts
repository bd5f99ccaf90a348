/** POST /api/v1/roles/:roleId/brief/restore — put back the value a history entry replaced. */
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { briefRole, restoreBriefValue } from "@/lib/server/services/roles/brief-service";
import { briefRestoreBodySchema } from "@/lib/shared/api/roles";

type Params = { roleId: string };

export const POST = apiRoute<Params>(async (request, { owner }, { roleId }) => {
  // The role first: an unknown role is 404 whatever the body.
  await briefRole(owner, roleId);
  const body = await readJsonBody(request, briefRestoreBodySchema);
  return jsonResponse(await restoreBriefValue(owner, roleId, body.entryId));
});
