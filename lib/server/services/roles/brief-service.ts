/** A role's brief — the details remembered for it — read and written for one owner, validated like the form. */
import "server-only";
import { validateDetails } from "@/lib/server/services/chat/conversation-service";
import { prefilledDetails } from "@/lib/server/services/chat/queries";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import type { Role } from "@/lib/shared/roles/role-schema";
import { findBrief, upsertBrief } from "@/models/briefs";
import type { Owner } from "@/models/conversations";

export interface BriefView {
  roleId: string;
  details: Record<string, unknown>;
  /** null when nothing was saved yet: `details` are then the pre-filled values a new chat would get. */
  updatedAt: string | null;
}

/** The role a brief belongs to (built-in or the owner's own); anything else is `not_found:role`. */
export async function briefRole(owner: Owner, roleId: string): Promise<Role> {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role");
  return resolved.role;
}

export async function getBrief(owner: Owner, roleId: string): Promise<BriefView> {
  const role = await briefRole(owner, roleId);
  const brief = await findBrief(owner, role.id);
  return {
    roleId: role.id,
    details: brief ? brief.details : await prefilledDetails(owner, role),
    updatedAt: brief ? brief.updatedAt.toISOString() : null,
  };
}

export async function saveBrief(owner: Owner, role: Role, input: unknown): Promise<BriefView> {
  const details = validateDetails(role.fields, input);
  await upsertBrief(owner, role.id, details);
  const saved = await findBrief(owner, role.id);
  return { roleId: role.id, details, updatedAt: (saved?.updatedAt ?? new Date()).toISOString() };
}
