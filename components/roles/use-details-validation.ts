"use client";

/**
 * Client-side feedback for a details form from the same schema the server uses
 * (detailsSchemaFor(fields)): a field is checked when it loses focus, the whole form on submit.
 */
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { useCallback, useMemo, useState, type FocusEvent, type FormEvent } from "react";
import { detailsFromFormData } from "@/lib/shared/roles/form-details";
import { detailsSchemaFor } from "@/lib/shared/roles/details-schema";
import type { RoleField } from "@/lib/shared/roles/role-schema";


/** `errors`: messages per field key; [] means "checked in the browser and fine". */
export interface DetailsCheck {
  details: Record<string, unknown>;
  errors: FieldErrors;
}

export function useDetailsValidation(fields: RoleField[]) {
  const schema = useMemo(() => detailsSchemaFor(fields), [fields]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const check = useCallback(
    (form: HTMLFormElement): DetailsCheck => {
      const { details } = detailsFromFormData(fields, new FormData(form));
      const result = schema.safeParse(details);
      if (result.success) return { details: result.data as Record<string, unknown>, errors: {} };
      return { details, errors: fieldErrors(result.error) };
    },
    [fields, schema],
  );

  /** Re-checks one field and records the result ([] = checked and fine). */
  const recheck = useCallback(
    (form: HTMLFormElement, name: string) => {
      const all = check(form);
      setErrors((previous) => ({ ...previous, [name]: all.errors[name] ?? [] }));
    },
    [check],
  );

  const fieldName = useCallback(
    (target: EventTarget): string | null => {
      const name = (target as { name?: unknown }).name;
      return typeof name === "string" && fields.some((field) => field.key === name) ? name : null;
    },
    [fields],
  );

  // Late to scold: a field is checked when it is left, not while it is first typed in; an empty
  // field the user only tabbed through is left alone.
  const onBlur = useCallback(
    (event: FocusEvent<HTMLFormElement>) => {
      const name = fieldName(event.target);
      if (!name) return;
      const value = (event.target as { value?: unknown }).value;
      if (value === "" && !errors[name]?.length) return;
      recheck(event.currentTarget, name);
    },
    [errors, fieldName, recheck],
  );

  // Quick to forgive: once a field shows an error, it is re-checked as it changes, so the message
  // goes away while typing (not on the click that follows, which would shift the button away).
  const onChange = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const name = fieldName(event.target);
      if (name && errors[name]?.length) recheck(event.currentTarget, name);
    },
    [errors, fieldName, recheck],
  );

  /** Checks everything; moves focus to the first invalid field. Returns the check. */
  const validateAll = useCallback(
    (form: HTMLFormElement): DetailsCheck => {
      const result = check(form);
      setErrors({ ...Object.fromEntries(fields.map((field) => [field.key, []])), ...result.errors });
      const first = fields.find((field) => result.errors[field.key]?.length);
      if (first) form.querySelector<HTMLElement>(`[name="${CSS.escape(first.key)}"]`)?.focus();
      return result;
    },
    [check, fields],
  );

  /** Forget the browser's checks (e.g. once the server has answered). */
  const reset = useCallback(() => setErrors({}), []);

  return { errors, setErrors, reset, onBlur, onChange, validateAll };
}
