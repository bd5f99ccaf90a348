/**
 * Reading a form's FormData on the server: whatever a client sends (a server action is a public
 * endpoint), the form's own schema decides. The answer is an ActionResult (lib/shared/action-result.ts).
 */
import type { FormValues } from "@/lib/shared/action-result";

/**
 * A server action is a public endpoint: a client can call it with any arguments (JSON instead of
 * a form). Anything but FormData reads as an empty form, so the form's own errors answer.
 */
function entry(formData: unknown, field: string): FormDataEntryValue | null {
  return formData instanceof FormData ? formData.get(field) : null;
}

/** FormData values as strings for re-filling a form; files and secrets are left out. */
export function keepValues(formData: unknown, fields: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const field of fields) {
    const value = entry(formData, field);
    if (typeof value === "string") out[field] = value.slice(0, 500);
  }
  return out;
}

/** FormData → plain object of its string entries (unknown shape; the zod schema decides). */
export function formObject(formData: unknown, fields: readonly string[]): Record<string, FormDataEntryValue | null> {
  return Object.fromEntries(fields.map((field) => [field, entry(formData, field)]));
}

/** One field as a string (null when absent, a file, or the arguments are not a form). */
export function formText(formData: unknown, field: string): string | null {
  const value = entry(formData, field);
  return typeof value === "string" ? value : null;
}
