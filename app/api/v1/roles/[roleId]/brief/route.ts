/** GET/PUT /api/v1/roles/:roleId/brief — the details remembered for a role (validated like the form). */
import { apiRoute, jsonResponse } from "@/lib/api/route";
import { briefBodySchema } from "@/lib/api/schemas/roles";
import { validateDetails } from "@/lib/chat/conversation-service";
import { prefilledDetails } from "@/lib/chat/queries";
import { resolveRole } from "@/lib/chat/roles-service";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/handler";
import { findBrief, upsertBrief } from "@/models/briefs";

type Params = { roleId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { roleId }) => {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role");
  const brief = await findBrief(owner, resolved.role.id);
  return jsonResponse({
    roleId: resolved.role.id,
    details: brief ? brief.details : await prefilledDetails(owner, resolved.role),
    updatedAt: brief ? brief.updatedAt.toISOString() : null,
  });
});

export const PUT = apiRoute<Params>(async (request, { owner }, { roleId }) => {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role");
  const body = await readJsonBody(request, briefBodySchema);
  const details = validateDetails(resolved.role.fields, body.details);
  await upsertBrief(owner, resolved.role.id, details);
  const saved = await findBrief(owner, resolved.role.id);
  return jsonResponse({ roleId: resolved.role.id, details, updatedAt: (saved?.updatedAt ?? new Date()).toISOString() });
});
