/**
 * What every server action answers — a button's (`runAction`) and a form's (`useActionState`)
 * alike: the value, or the error in the app's one vocabulary (lib/shared/errors.ts), the same
 * fields a problem+json body carries. Browser-safe.
 */
import type { ErrorData, FieldErrors } from "@/lib/shared/errors";

/** A form's non-secret values, sent back with a refusal (React resets a form after its action runs). */
export type FormValues = Record<string, string | string[]>;

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: ErrorData; values?: FormValues };

/** A form's `useActionState` state: null until the first answer. */
export type FormResult<T = null> = ActionResult<T> | null;

export interface FormRefusal {
  /** The form-level message (role="alert"); left out when the fields say what is wrong. */
  message?: string;
  fields: FieldErrors;
  values?: FormValues;
}

/** What a form shows for the action's last answer: nothing before it and after a success. */
export function formRefusal(result: FormResult<unknown>): FormRefusal {
  if (!result || result.ok) return { fields: {} };
  const fields = result.error.fields ?? {};
  return {
    ...(Object.keys(fields).length === 0 ? { message: result.error.message } : {}),
    fields,
    ...(result.values ? { values: result.values } : {}),
  };
}
