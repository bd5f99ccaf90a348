import type { RoleField } from "@/lib/shared/roles/role-schema";

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** The filled details as label/value lines, in field order; empty fields are left out. */
export function detailLines(fields: readonly RoleField[], details: Record<string, unknown>): DetailLine[] {
  return fields.flatMap((field) => {
    const raw = details[field.key];
    const value = Array.isArray(raw) ? raw.map(String).join(", ") : raw === undefined || raw === null ? "" : String(raw);
    return value.trim() ? [{ key: field.key, label: field.label, value }] : [];
  });
}
