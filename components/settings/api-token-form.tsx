"use client";

import { fieldErrors } from "@/lib/shared/errors";
import { useState, useTransition } from "react";
import { Loader2Icon } from "lucide-react";
import { createApiTokenAction } from "@/app/(app)/settings/api-token-actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createTokenSchema, type CreatedToken } from "@/lib/shared/api/tokens";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm dark:bg-input/30 [&>option]:bg-popover [&>option]:text-popover-foreground";

const EXPIRY_LABELS: Record<string, string> = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "1 year", never: "Never" };

export interface ApiTokenFormProps {
  onCreated: (created: CreatedToken) => void;
}

/** Name, scope and expiry of a new token; validated with the server's schema before sending. */
export function ApiTokenForm({ onCreated }: ApiTokenFormProps) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: HTMLFormElement) {
    const values = Object.fromEntries(new FormData(form));
    const parsed = createTokenSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await createApiTokenAction(parsed.data);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.fields ? null : result.error.message);
        return;
      }
      setFormError(null);
      form.reset();
      onCreated(result.data);
    });
  }

  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-[1fr_10rem_9rem_auto] sm:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <FormField id="token-name" label="Name" error={errors.name}>
        <Input name="name" placeholder="e.g. My script" maxLength={80} autoComplete="off" />
      </FormField>
      <FormField id="token-scope" label="Access" error={errors.scope}>
        <select name="scope" defaultValue="read" className={selectClass}>
          <option value="read">Read only</option>
          <option value="read-write">Read and write</option>
        </select>
      </FormField>
      <FormField id="token-expiry" label="Expires" error={errors.expiresInDays}>
        <select name="expiresInDays" defaultValue="90" className={selectClass}>
          {Object.entries(EXPIRY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <Button type="submit" disabled={pending} className="sm:mt-[1.375rem]">
        {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
        Create token
      </Button>
      {formError && (
        <p role="alert" className="text-sm text-destructive sm:col-span-4">
          {formError}
        </p>
      )}
    </form>
  );
}
