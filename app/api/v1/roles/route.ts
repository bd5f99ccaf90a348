/** GET /api/v1/roles — built-in roles and the caller's own; POST — create a custom role. */
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { roleInputBodySchema } from "@/lib/shared/api/roles";
import { toRoleDTO } from "@/lib/server/services/chat/dto";
import { listRolesFor, resolveRole, saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import { readJsonBody } from "@/lib/server/infra/http/handler";

export const GET = apiRoute(async (_request, { owner }) => {
  const roles = await listRolesFor(owner);
  return jsonResponse({ items: roles.map(({ role, isCustom }) => toRoleDTO(role, isCustom)) });
});

export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request, roleInputBodySchema);
  return idempotentJson(request, caller, body, async () => {
    const { id } = await saveCustomRole(caller.owner, body);
    const saved = await resolveRole(caller.owner, id);
    if (!saved) throw new AppError("not_found:role");
    return { status: 201, data: toRoleDTO(saved.role, saved.isCustom) };
  });
});
