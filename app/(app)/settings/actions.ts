"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { formObject } from "@/lib/shared/form-state";
import { formFailure, invalidForm, ok } from "@/lib/server/infra/action-result";
import type { ActionResult, FormResult } from "@/lib/shared/action-result";
import { changePassword } from "@/lib/server/services/auth/accounts";
import { changePasswordSchema, deleteAccountSchema, PASSWORD_CHANGED_PARAM } from "@/lib/shared/auth/schemas";
import { getCurrentSession, getCurrentUser } from "@/lib/server/services/auth/session";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { AppError, isAppError } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";

export type ChangePasswordField = "currentPassword" | "newPassword" | "confirmPassword";

export async function changePasswordAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  const current = await getCurrentSession();
  if (!current) return formFailure(new AppError("unauthorized"));
  const { user } = current;

  const parsed = changePasswordSchema.safeParse(formObject(formData, ["currentPassword", "newPassword", "confirmPassword"]));
  if (!parsed.success) return invalidForm(parsed.error);

  let ended: number;
  try {
    ended = await changePassword(user.id, current.session.id, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    if (isAppError(error) && (error.kind === "rate_limited" || error.fields)) return formFailure(error);
    throw error;
  }
  logger().info({ userId: user.id, endedSessions: ended }, "password changed");
  redirect(`/settings?${PASSWORD_CHANGED_PARAM}=1`);
}

export async function deleteAccountAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return formFailure(new AppError("unauthorized"));

  const parsed = deleteAccountSchema.safeParse(formObject(formData, ["confirmUsername"]));
  if (!parsed.success || parsed.data.confirmUsername !== user.username) {
    return formFailure(new AppError("invalid:input", undefined, { fields: { confirmUsername: [`Type your username, “${user.username}”, to confirm.`] } }));
  }
  const counts = await deleteUserData(user.id);
  logger().info({ userId: user.id, counts }, "account deleted");
  await signOut({ redirectTo: "/" });
  return ok(null);
}
