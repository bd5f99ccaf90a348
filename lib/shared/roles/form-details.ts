/**
 * Reads a details form (one entry per field key; multiselect = repeated entries) into the plain
 * object detailsSchemaFor validates, plus the raw strings to re-fill the form after an error.
 */
import type { RoleField } from "@/lib/shared/roles/role-schema";

export interface FormDetails {
  details: Record<string, unknown>;
  values: Record<string, string | string[]>;
}

export function detailsFromFormData(fields: RoleField[], formData: FormData): FormDetails {
  const details: Record<string, unknown> = {};
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    const entries = formData.getAll(field.key).filter((entry): entry is string => typeof entry === "string");
    if (field.type === "multiselect") {
      values[field.key] = entries;
      details[field.key] = entries;
      continue;
    }
    const raw = entries[0] ?? "";
    values[field.key] = raw;
    if (field.type === "number") {
      // Empty stays "not given"; anything else is handed over as a number (or NaN, which the schema refuses).
      if (raw.trim() !== "") details[field.key] = Number(raw);
    } else if (raw.trim() !== "") {
      details[field.key] = raw;
    }
  }
  return { details, values };
}
