"use client";

import Link from "next/link";
import { useActionState, useEffect } from "react";
import { signInAction, type SignInField } from "@/app/(auth)/login/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { formRefusal } from "@/lib/shared/action-result";
import { SubmitButton } from "@/components/auth/submit-button";
import { useClientValidation } from "@/components/auth/use-client-validation";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/shared/auth/schemas";

const FIELDS: readonly SignInField[] = ["identifier", "password"];

export interface LoginFormProps {
  /** Already checked by the page; sent back with the form and checked again by the action. */
  callbackUrl: string;
}

export function LoginForm({ callbackUrl }: LoginFormProps) {
  const [state, formAction] = useActionState(signInAction, null);
  const refused = formRefusal(state);
  const client = useClientValidation(signInSchema, FIELDS);
  const { reset } = client;
  useEffect(reset, [state, reset]);

  const errorFor = (field: SignInField) => (field in client.errors ? client.errors[field] : refused.fields[field]);

  return (
    <form action={formAction} onSubmit={client.onSubmit} onChange={client.onChange} noValidate className="grid gap-4">
      <FormAlert message={refused.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField id="identifier" label="Username or email" error={errorFor("identifier")}>
        <Input
          required
          name="identifier"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={refused.values?.identifier}
          maxLength={254}
          autoFocus
        />
      </FormField>
      <FormField id="password" label="Password" error={errorFor("password")}>
        <Input required name="password" type="password" autoComplete="current-password" maxLength={1024} />
      </FormField>
      <SubmitButton className="w-full">Sign in</SubmitButton>
      <p className="text-center text-sm text-muted-foreground">
        New to ChatCraft?{" "}
        <Link href="/register" className="font-medium text-foreground underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </form>
  );
}
