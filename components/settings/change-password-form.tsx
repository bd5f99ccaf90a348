"use client";

import { useActionState, useEffect } from "react";
import { changePasswordAction, type ChangePasswordField } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { formRefusal } from "@/lib/shared/action-result";
import { SubmitButton } from "@/components/auth/submit-button";
import { useClientValidation } from "@/components/auth/use-client-validation";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { changePasswordSchema } from "@/lib/shared/auth/schemas";

const FIELDS: readonly ChangePasswordField[] = ["currentPassword", "newPassword", "confirmPassword"];

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, null);
  const refused = formRefusal(state);
  const client = useClientValidation(changePasswordSchema, FIELDS);
  const { reset } = client;

  // Success redirects (see changePasswordAction); a returned state is always a refusal.
  useEffect(() => {
    reset();
  }, [state, reset]);

  const errorFor = (field: ChangePasswordField) =>
    field in client.errors ? client.errors[field] : refused.fields[field];

  return (
    <form action={formAction} onSubmit={client.onSubmit} onChange={client.onChange} noValidate className="grid max-w-md gap-4">
      <FormAlert message={refused.message} />
      <FormField id="currentPassword" label="Current password" error={errorFor("currentPassword")}>
        <Input required name="currentPassword" type="password" autoComplete="current-password" maxLength={1024} />
      </FormField>
      <FormField id="newPassword" label="New password" error={errorFor("newPassword")} description="At least 8 characters.">
        <Input required name="newPassword" type="password" autoComplete="new-password" maxLength={200} />
      </FormField>
      <FormField id="confirmPassword" label="Confirm new password" error={errorFor("confirmPassword")}>
        <Input required name="confirmPassword" type="password" autoComplete="new-password" maxLength={200} />
      </FormField>
      <div>
        <SubmitButton>Change password</SubmitButton>
      </div>
    </form>
  );
}
