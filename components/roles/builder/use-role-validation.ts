"use client";

/**
 * Live feedback for the role builder from roleInputSchema, the schema the server saves with.
 * Errors are keyed by dotted path ("name", "fields.1.key", "starters.0"); a path shows its
 * errors once it has been left (blur) or after a save attempt, so a fresh form is not all red.
 */
import { useCallback, useMemo, useState } from "react";
import { roleInputSchema } from "@/lib/shared/roles/role-schema";
import { roleInputOf, type RoleDraft } from "@/components/roles/builder/role-draft";

export type PathErrors = Record<string, string[]>;

export function validateDraft(draft: RoleDraft): PathErrors {
  const result = roleInputSchema.safeParse(roleInputOf(draft));
  if (result.success) return {};
  const errors: PathErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}

export function useRoleValidation(draft: RoleDraft, serverErrors: PathErrors) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const live = useMemo(() => validateDraft(draft), [draft]);

  const touch = useCallback((path: string) => {
    setTouched((previous) => (previous.has(path) ? previous : new Set(previous).add(path)));
  }, []);

  /** Errors to show at a path: live ones once touched/submitted, else what the server said. */
  const errorsAt = useCallback(
    (path: string): string[] | undefined => {
      if (submitted || touched.has(path)) return live[path] ?? serverErrors[path];
      return serverErrors[path];
    },
    [live, serverErrors, submitted, touched],
  );

  /** Errors about paths no control shows (e.g. "fields" as a whole: duplicate keys, too many). */
  const otherErrors = useCallback(
    (shownPaths: ReadonlySet<string>): string[] => {
      if (!submitted) return [];
      return Object.entries({ ...serverErrors, ...live })
        .filter(([path]) => !shownPaths.has(path))
        .flatMap(([path, messages]) => messages.map((message) => (path === "_" ? message : `${path}: ${message}`)));
    },
    [live, serverErrors, submitted],
  );

  return { live, isValid: Object.keys(live).length === 0, errorsAt, otherErrors, touch, markSubmitted: () => setSubmitted(true) };
}
