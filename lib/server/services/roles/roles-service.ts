/**
 * Roles as one user sees them: the built-in catalog plus their own custom roles. Custom roles are
 * validated with roleInputSchema, get a generated "custom-<random>" id, and are only ever read or
 * changed through their owner.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { MongoServerError } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { toAppError } from "@/lib/server/infra/http/problem";
import { builtInRoles, getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";
import { roleInputSchema, type Role } from "@/lib/shared/roles/role-schema";
import { deleteBrief } from "@/models/briefs";
import type { Owner } from "@/models/conversations";
import {
  countCustomRoles,
  deleteCustomRole as deleteCustomRoleDoc,
  findCustomRole,
  insertCustomRole,
  listCustomRoles,
  MAX_CUSTOM_ROLES,
  roleOf,
  updateCustomRole,
} from "@/models/roles";

export interface ResolvedRole {
  role: Role;
  isCustom: boolean;
}

export function isCustomRoleId(id: string): boolean {
  return /^custom-[a-z0-9-]+$/.test(id);
}

function newCustomRoleId(): string {
  return `custom-${randomBytes(6).toString("hex")}`;
}

/** Built-ins first (catalog order), then the user's own, newest first. */
export async function listRolesFor(owner: Owner): Promise<ResolvedRole[]> {
  const custom = await listCustomRoles(owner);
  return [...builtInRoles.map((role) => ({ role, isCustom: false })), ...custom.map((doc) => ({ role: roleOf(doc), isCustom: true }))];
}

/** A built-in role, or one of the owner's custom roles; null for anything else (including other users' roles). */
export async function resolveRole(owner: Owner, roleId: string): Promise<ResolvedRole | null> {
  if (typeof roleId !== "string" || roleId.length === 0 || roleId.length > 100) return null;
  const builtIn = getBuiltInRole(roleId);
  if (builtIn) return { role: builtIn, isCustom: false };
  if (!isCustomRoleId(roleId)) return null;
  const doc = await findCustomRole(owner, roleId);
  return doc ? { role: roleOf(doc), isCustom: true } : null;
}

function parseRoleInput(input: unknown, id: string): Role {
  const candidate = typeof input === "object" && input !== null ? { ...input, id } : input;
  const parsed = roleInputSchema.safeParse(candidate);
  if (!parsed.success) throw toAppError(parsed.error);
  return { ...parsed.data, id } as Role;
}

/** Creates (no id) or replaces (id of an own custom role) a custom role. */
export async function saveCustomRole(owner: Owner, input: unknown, id?: string): Promise<{ id: string }> {
  if (id !== undefined) {
    if (!isCustomRoleId(id)) throw new AppError("not_found:role", "That role cannot be edited here.");
    const role = parseRoleInput(input, id);
    if (!(await updateCustomRole(owner, id, role))) throw new AppError("not_found:role");
    return { id };
  }
  if ((await countCustomRoles(owner)) >= MAX_CUSTOM_ROLES) {
    throw new AppError("conflict:role_limit", `You can keep up to ${MAX_CUSTOM_ROLES} custom roles. Delete one to make room.`);
  }
  const role = parseRoleInput(input, newCustomRoleId());
  try {
    await insertCustomRole(owner, role);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 11000) throw new AppError("conflict:role", "Try saving again.");
    throw error;
  }
  return { id: role.id };
}

export async function deleteCustomRole(owner: Owner, id: string): Promise<void> {
  if (!isCustomRoleId(id) || !(await deleteCustomRoleDoc(owner, id))) throw new AppError("not_found:role");
  // The dialog promises the role's saved details go with it; a later role reusing the id must not inherit them.
  await deleteBrief(owner, id);
}

/** Copies a built-in or own custom role into a new custom role named "<name> (copy)". */
export async function duplicateRole(owner: Owner, roleId: string): Promise<{ id: string }> {
  const source = await resolveRole(owner, roleId);
  if (!source) throw new AppError("not_found:role");
  const { id: _sourceId, ...content } = source.role;
  void _sourceId;
  return saveCustomRole(owner, { ...content, name: copyName(source.role.name) });
}

function copyName(name: string): string {
  const copy = `${name} (copy)`;
  return copy.length <= 80 ? copy : `${name.slice(0, 73)} (copy)`;
}
