"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formObject, keepValues } from "@/lib/shared/form-state";
import { formFailure, invalidForm } from "@/lib/server/infra/action-result";
import type { ActionResult, FormResult } from "@/lib/shared/action-result";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/shared/auth/callback-url";
import { registerUser } from "@/lib/server/services/auth/accounts";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { isAppError } from "@/lib/shared/errors";
import { clientAddress } from "@/lib/server/infra/http/client-address";
import { logger } from "@/lib/server/infra/log";

export type RegisterField = "username" | "email" | "password" | "name";
const FIELDS = ["username", "email", "password", "name"] as const;

export async function registerAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  const values = keepValues(formData, ["username", "email", "name"]);
  const parsed = registerSchema.safeParse(formObject(formData, FIELDS));
  if (!parsed.success) return invalidForm(parsed.error, values);
  try {
    await registerUser(parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (isAppError(error) && (error.kind === "conflict" || error.kind === "rate_limited")) return formFailure(error, values);
    throw error;
  }
  try {
    await signIn("credentials", { identifier: parsed.data.username, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists; only the automatic sign-in failed (e.g. rate limited). Let them sign in.
    logger().warn({ type: error.type }, "sign-in after sign-up failed");
    redirect("/login?registered=1");
  }
  redirect(DEFAULT_AFTER_SIGN_IN);
}
