"use client";

import Link from "next/link";
import { useActionState, useEffect } from "react";
import { registerAction, type RegisterField } from "@/app/(auth)/register/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { formRefusal } from "@/lib/shared/action-result";
import { SubmitButton } from "@/components/auth/submit-button";
import { useClientValidation } from "@/components/auth/use-client-validation";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { registerSchema } from "@/lib/shared/auth/schemas";

const FIELDS: readonly RegisterField[] = ["username", "email", "password", "name"];

export function RegisterForm() {
  const [state, formAction] = useActionState(registerAction, null);
  const refused = formRefusal(state);
  const client = useClientValidation(registerSchema, FIELDS);
  const { reset } = client;
  useEffect(reset, [state, reset]);

  const errorFor = (field: RegisterField) => (field in client.errors ? client.errors[field] : refused.fields[field]);

  return (
    <form action={formAction} onSubmit={client.onSubmit} onChange={client.onChange} noValidate className="grid gap-4">
      <FormAlert message={refused.message} />
      <FormField
        id="username"
        label="Username"
        error={errorFor("username")}
        description="3–32 characters: letters, digits, “_” and “-”."
      >
        <Input
          required
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={refused.values?.username}
          maxLength={64}
          autoFocus
        />
      </FormField>
      <FormField id="email" label="Email" error={errorFor("email")}>
        <Input required name="email" type="email" autoComplete="email" defaultValue={refused.values?.email} maxLength={254} />
      </FormField>
      <FormField id="password" label="Password" error={errorFor("password")} description="At least 8 characters.">
        <Input required name="password" type="password" autoComplete="new-password" maxLength={200} />
      </FormField>
      <FormField id="name" label="Display name (optional)" error={errorFor("name")}>
        <Input name="name" autoComplete="name" defaultValue={refused.values?.name} maxLength={120} />
      </FormField>
      <SubmitButton className="w-full">Create account</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
