/** A role's brief — the details remembered for it — read and written for one owner, validated like the form. */
import "server-only";
import { validateDetails } from "@/lib/server/services/chat/conversation-service";
import { prefilledDetails } from "@/lib/server/services/chat/queries";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import type { Role } from "@/lib/shared/roles/role-schema";
import { saveBriefFromForm } from "@/lib/server/services/roles/brief-history";
import type { BriefHistoryDTO, BriefHistoryEntryDTO } from "@/lib/shared/api/roles";
import { fieldValueSchema } from "@/lib/shared/roles/details-schema";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { findBrief, newHistoryEntry, setBriefValue, type BriefHistoryEntry } from "@/models/briefs";
import { parseObjectId, type Owner } from "@/models/conversations";

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
  await saveBriefFromForm(owner, role.fields, role.id, details);
  const saved = await findBrief(owner, role.id);
  return { roleId: role.id, details, updatedAt: (saved?.updatedAt ?? new Date()).toISOString() };
}

function toHistoryEntryDTO(fields: readonly RoleField[], entry: BriefHistoryEntry): BriefHistoryEntryDTO {
  return {
    id: entry._id.toHexString(),
    field: entry.key,
    label: fields.find((field) => field.key === entry.key)?.label ?? entry.key,
    ...(entry.value === undefined ? {} : { value: entry.value }),
    ...(entry.previous === undefined ? {} : { previous: entry.previous }),
    at: entry.at.toISOString(),
    source: entry.source,
    ...(entry.conversationId ? { conversationId: entry.conversationId.toHexString() } : {}),
    ...(entry.messageId ? { messageId: entry.messageId.toHexString() } : {}),
  };
}

/** The brief's changes, newest first, and when the last chat with the role began. */
export async function getBriefHistory(owner: Owner, roleId: string): Promise<BriefHistoryDTO> {
  const role = await briefRole(owner, roleId);
  const brief = await findBrief(owner, role.id);
  const items = [...(brief?.history ?? [])].reverse().map((entry) => toHistoryEntryDTO(role.fields, entry));
  return { roleId: role.id, items, lastChatAt: brief?.lastChatAt?.toISOString() ?? null };
}

/** The changes made after the last conversation with the role began, oldest first ("what changed since"). */
export function changesSinceLastChat(history: BriefHistoryDTO): BriefHistoryEntryDTO[] {
  if (!history.lastChatAt) return [];
  return history.items.filter((entry) => entry.at > history.lastChatAt!).reverse();
}

/**
 * Restore: the value a history entry replaced becomes the field's value again (recorded as a
 * "restore" entry), if the role's field still accepts it. One compare-and-set: a brief changed
 * meanwhile is refused rather than overwritten.
 */
export async function restoreBriefValue(owner: Owner, roleId: string, entryId: unknown): Promise<BriefView> {
  const role = await briefRole(owner, roleId);
  const brief = await findBrief(owner, role.id);
  const id = parseObjectId(entryId);
  const entry = id ? brief?.history?.find((candidate) => candidate._id.equals(id)) : undefined;
  if (!brief || !entry) throw new AppError("not_found", "That history entry was not found.");
  const field = role.fields.find((candidate) => candidate.key === entry.key);
  if (!field) throw new AppError("invalid:details", "This role no longer has that detail.");
  const parsed = fieldValueSchema(field).safeParse(entry.previous);
  if (!parsed.success) throw new AppError("invalid:details", parsed.error.issues[0]?.message ?? "That value no longer fits the field.");
  const restored = newHistoryEntry({
    key: field.key,
    source: "restore",
    ...(parsed.data === undefined ? {} : { value: parsed.data }),
    ...(brief.details[field.key] === undefined ? {} : { previous: brief.details[field.key] }),
  });
  const saved = await setBriefValue(owner, role.id, restored);
  if (!saved) throw new AppError("conflict", "Those details changed meanwhile. Reload and try again.");
  return { roleId: role.id, details: saved.details, updatedAt: saved.updatedAt.toISOString() };
}
