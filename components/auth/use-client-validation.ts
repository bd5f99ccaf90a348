"use client";

/**
 * Client-side feedback from the same zod schema the server action uses. The whole form is checked
 * before submitting (an invalid form is not sent, and focus moves to the first invalid field);
 * after that, a field showing an error is re-checked as it is edited, so the message goes away
 * once fixed. Nothing is checked on blur: a message appearing or vanishing then shifts the
 * layout under the pointer, and the click on "Submit" that caused the blur misses its button.
 * The server's answer stays the truth.
 */
import { useCallback, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrors } from "@/lib/shared/errors";
import { formObject } from "@/lib/shared/form-state";

export interface ClientValidation<F extends string> {
  errors: Partial<Record<F, string[]>>;
  onChange: (event: FormEvent<HTMLFormElement>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Forget client errors (e.g. once the server has answered). */
  reset: () => void;
}

export function useClientValidation<F extends string>(schema: z.ZodType, fields: readonly F[]): ClientValidation<F> {
  const [errors, setErrors] = useState<Partial<Record<F, string[]>>>({});

  const check = useCallback(
    (form: HTMLFormElement): Partial<Record<F, string[]>> => {
      const result = schema.safeParse(formObject(new FormData(form), fields));
      // A form's fields are flat, so each issue's first path segment is one of `fields`.
      return result.success ? {} : (fieldErrors(result.error) as Partial<Record<F, string[]>>);
    },
    [schema, fields],
  );

  const onChange = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const target: EventTarget = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
      const name = target.name as F;
      if (!fields.includes(name)) return;
      if (!errors[name]?.length) return;
      const all = check(event.currentTarget);
      setErrors((previous) => ({ ...previous, [name]: all[name] }));
    },
    [check, errors, fields],
  );

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const all = check(event.currentTarget);
      setErrors(all);
      const firstInvalid = fields.find((field) => all[field]?.length);
      if (firstInvalid) {
        event.preventDefault();
        event.currentTarget.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      }
    },
    [check, fields],
  );

  const reset = useCallback(() => setErrors({}), []);

  return { errors, onChange, onSubmit, reset };
}
