"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formObject, formText, keepValues } from "@/lib/shared/form-state";
import { formFailure, invalidForm } from "@/lib/server/infra/action-result";
import type { ActionResult, FormResult } from "@/lib/shared/action-result";
import { safeCallbackUrl } from "@/lib/shared/auth/callback-url";
import { signInSchema } from "@/lib/shared/auth/schemas";
import { AppError } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";

export type SignInField = "identifier" | "password";
const FIELDS = ["identifier", "password"] as const;

/** A refused sign-in: generic, except that a rate limit says when to retry. */
function signInError(error: AuthError): AppError {
  if (error instanceof CredentialsSignin) {
    const match = /^rate_limited:(\d+)$/.exec(error.code);
    return match ? new AppError("rate_limited:auth", undefined, { retryAfterSeconds: Number(match[1]) }) : new AppError("unauthorized:credentials");
  }
  logger().error({ err: error.cause ?? error, type: error.type }, "sign-in failed unexpectedly");
  return new AppError("unavailable:sign_in");
}

export async function signInAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  const values = keepValues(formData, ["identifier"]);
  const parsed = signInSchema.safeParse(formObject(formData, FIELDS));
  if (!parsed.success) return invalidForm(parsed.error, values);
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return formFailure(signInError(error), values);
    throw error;
  }
  redirect(safeCallbackUrl(formText(formData, "callbackUrl")));
}
