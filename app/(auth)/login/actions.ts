"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { fieldErrorsOf, formObject, formText, keepValues, type FormState } from "@/lib/shared/form-state";
import { safeCallbackUrl } from "@/lib/shared/auth/callback-url";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/server/services/auth/credentials";
import { signInSchema } from "@/lib/shared/auth/schemas";
import { retryMessage } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";

export type SignInField = "identifier" | "password";
const FIELDS = ["identifier", "password"] as const;

/** The message for a refused sign-in: generic, except that a rate limit says when to retry. */
function signInErrorMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin) {
    const match = /^rate_limited:(\d+)$/.exec(error.code);
    return match ? retryMessage(Number(match[1])) : INVALID_CREDENTIALS_MESSAGE;
  }
  logger().error({ err: error.cause ?? error, type: error.type }, "sign-in failed unexpectedly");
  return "Signing in is not possible right now. Please try again in a moment.";
}

export async function signInAction(_previous: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  const values = keepValues(formData, ["identifier"] as const);
  const parsed = signInSchema.safeParse(formObject(formData, FIELDS));
  if (!parsed.success) {
    return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values, at: Date.now() };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { status: "error", message: signInErrorMessage(error), values, at: Date.now() };
    throw error;
  }
  redirect(safeCallbackUrl(formText(formData, "callbackUrl")));
}
