/** GET/PUT/DELETE /api/v1/roles/:roleId — one role; only the caller's custom roles can change. */
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";
import { roleInputBodySchema } from "@/lib/shared/api/roles";
import { toRoleDTO } from "@/lib/server/services/chat/dto";
import { deleteCustomRole, resolveRole, saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import { readJsonBody } from "@/lib/server/infra/http/handler";

type Params = { roleId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { roleId }) => {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role");
  return jsonResponse(toRoleDTO(resolved.role, resolved.isCustom));
});

export const PUT = apiRoute<Params>(async (request, { owner }, { roleId }) => {
  const body = await readJsonBody(request, roleInputBodySchema);
  await saveCustomRole(owner, body, roleId);
  const saved = await resolveRole(owner, roleId);
  if (!saved) throw new AppError("not_found:role");
  return jsonResponse(toRoleDTO(saved.role, saved.isCustom));
});

export const DELETE = apiRoute<Params>(async (_request, { owner }, { roleId }) => {
  await deleteCustomRole(owner, roleId);
  return noContent();
});
