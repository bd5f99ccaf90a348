"use client";

/**
 * Client-side feedback for a details form from the same schema the server uses
 * (detailsSchemaFor(fields)): a field is checked when it loses focus, the whole form on submit.
 */
import { useCallback, useMemo, useState, type FocusEvent } from "react";
import { detailsFromFormData } from "@/lib/chat/form-details";
import { detailsSchemaFor } from "@/lib/roles/details-schema";
import type { RoleField } from "@/lib/roles/role-schema";

export type FieldErrors = Record<string, string[]>;

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
      const out: FieldErrors = {};
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "_");
        (out[key] ??= []).push(issue.message);
      }
      return { details, errors: out };
    },
    [fields, schema],
  );

  const onBlur = useCallback(
    (event: FocusEvent<HTMLFormElement>) => {
      const target = event.target as HTMLElement & { name?: string; value?: string };
      const name = target.name;
      if (!name || !fields.some((field) => field.key === name)) return;
      // Do not scold a field the user has only tabbed through.
      if (!target.value && !errors[name] && !(target instanceof HTMLInputElement && target.type === "checkbox")) return;
      const all = check(event.currentTarget);
      setErrors((previous) => {
        const next = { ...previous };
        if (all.errors[name]) next[name] = all.errors[name];
        else delete next[name];
        return next;
      });
    },
    [check, errors, fields],
  );

  /** Checks everything; moves focus to the first invalid field. Returns the check. */
  const validateAll = useCallback(
    (form: HTMLFormElement): DetailsCheck => {
      const result = check(form);
      setErrors(result.errors);
      const first = fields.find((field) => result.errors[field.key]?.length);
      if (first) form.querySelector<HTMLElement>(`[name="${CSS.escape(first.key)}"]`)?.focus();
      return result;
    },
    [check, fields],
  );

  return { errors, setErrors, onBlur, validateAll };
}
