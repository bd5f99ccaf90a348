"use client";

import { useActionState, useEffect, type FormEvent } from "react";
import { HistoryIcon, MessageSquarePlusIcon } from "lucide-react";

import { startChatAction } from "@/app/(app)/roles/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { forgetStarter, rememberStarter } from "@/components/chat/pending-starter";
import { FieldControl } from "@/components/roles/field-control";
import { StarterList } from "@/components/roles/starter-list";
import { useDetailsValidation } from "@/components/roles/use-details-validation";
import { formRefusal, type ActionResult, type FormResult } from "@/lib/shared/action-result";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export interface StartChatFormProps {
  roleId: string;
  fields: RoleField[];
  starters: string[];
  initialValues: Record<string, unknown>;
  /** Show the "Pre-filled from your last chat" hint. */
  prefilled: boolean;
  /** The server half; a role chat by default, Create project passes its planning action. */
  action?: (previous: FormResult, formData: FormData) => Promise<ActionResult>;
  submitLabel?: string;
}

/**
 * The role's details form. Checked in the browser with the role's schema, then by the server
 * (startChatAction), which saves the brief, opens the conversation and redirects to it. A
 * starter button submits the same form and the chat page sends that starter first.
 */
export function StartChatForm({
  roleId,
  fields,
  starters,
  initialValues,
  prefilled,
  action = startChatAction,
  submitLabel = "Start chat",
}: StartChatFormProps) {
  const [state, formAction] = useActionState(action, null);
  const refused = formRefusal(state);
  const { errors, reset, onBlur, onChange, validateAll } = useDetailsValidation(fields);

  // The server's answer replaces the browser's feedback.
  useEffect(reset, [state, reset]);

  const values = refused.values ?? initialValues;
  const errorFor = (key: string) => (key in errors ? errors[key] : refused.fields[key]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const { errors: found } = validateAll(event.currentTarget);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name === "starter") rememberStarter(roleId, submitter.value);
    else forgetStarter();
  }

  return (
    <form action={formAction} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="grid gap-6">
      <input type="hidden" name="roleId" value={roleId} />
      <FormAlert message={refused.message} />
      {fields.length > 0 && prefilled && !refused.values && (
        <p className="inline-flex items-center gap-2 text-sm text-muted-foreground" data-testid="prefilled-hint">
          <HistoryIcon className="size-4" aria-hidden="true" />
          Pre-filled from your last chat
        </p>
      )}
      {/* Re-mounted with the server's values after an answer (React resets a form after its action). */}
      <div key={refused.values ? JSON.stringify(refused.values) : "initial"} className="grid gap-5">
        {fields.map((field) => (
          <FieldControl key={field.key} field={field} idPrefix="details" value={values[field.key]} error={errorFor(field.key)} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>
          <MessageSquarePlusIcon aria-hidden="true" />
          {submitLabel}
        </SubmitButton>
        {fields.length === 0 && <p className="text-sm text-muted-foreground">This role needs no details.</p>}
      </div>
      <StarterList starters={starters} />
    </form>
  );
}
