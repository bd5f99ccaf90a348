/**
 * What a form's server action returns to `useActionState`: a form-level message (shown in
 * role="alert"), messages per field (shown beside the field), and the non-secret values to put
 * back into the form (React resets a form after its action runs).
 */
import { fieldErrors } from "@/lib/shared/errors";
import type { z } from "zod";

export interface FormState<F extends string = string> {
  status: "idle" | "error" | "success";
  /** Form-level message: an error for status "error", a confirmation for "success". */
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
  /** Changes on every answer, so effects (toasts, focus) run once per submission. */
  at?: number;
}

export const idleState: FormState = { status: "idle" };

/** zod issues → first-level field errors (a form's fields are flat). */
export function fieldErrorsOf<F extends string>(error: z.ZodError): Partial<Record<F, string[]>> {
  return fieldErrors(error) as Partial<Record<F, string[]>>;
}

/**
 * A server action is a public endpoint: a client can call it with any arguments (JSON instead of
 * a form). Anything but FormData reads as an empty form, so the form's own errors answer.
 */
function entry(formData: unknown, field: string): FormDataEntryValue | null {
  return formData instanceof FormData ? formData.get(field) : null;
}

/** FormData values as strings for re-filling a form; files and secrets are left out. */
export function keepValues<F extends string>(formData: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
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
