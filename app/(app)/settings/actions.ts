"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { fieldErrorsOf, formObject, type FormState } from "@/lib/shared/form-state";
import { changePassword } from "@/lib/server/services/auth/accounts";
import { changePasswordSchema, deleteAccountSchema, PASSWORD_CHANGED_PARAM } from "@/lib/shared/auth/schemas";
import { getCurrentSession, getCurrentUser } from "@/lib/server/services/auth/session";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { isAppError, SESSION_ENDED_MESSAGE } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";

export type ChangePasswordField = "currentPassword" | "newPassword" | "confirmPassword";
export type DeleteAccountField = "confirmUsername";

export async function changePasswordAction(
  _previous: FormState<ChangePasswordField>,
  formData: FormData,
): Promise<FormState<ChangePasswordField>> {
  const at = Date.now();
  const current = await getCurrentSession();
  if (!current) return { status: "error", message: SESSION_ENDED_MESSAGE, at };
  const { user } = current;

  const parsed = changePasswordSchema.safeParse(formObject(formData, ["currentPassword", "newPassword", "confirmPassword"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), at };

  let ended: number;
  try {
    ended = await changePassword(user.id, current.session.id, parsed.data.currentPassword, parsed.data.newPassword);
  } catch (error) {
    if (isAppError(error) && error.kind === "rate_limited") return { status: "error", message: error.message, at };
    if (isAppError(error) && error.fields) return { status: "error", fieldErrors: error.fields, at };
    throw error;
  }
  logger().info({ userId: user.id, endedSessions: ended }, "password changed");
  redirect(`/settings?${PASSWORD_CHANGED_PARAM}=1`);
}

export async function deleteAccountAction(
  _previous: FormState<DeleteAccountField>,
  formData: FormData,
): Promise<FormState<DeleteAccountField>> {
  const at = Date.now();
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: SESSION_ENDED_MESSAGE, at };

  const parsed = deleteAccountSchema.safeParse(formObject(formData, ["confirmUsername"]));
  if (!parsed.success || parsed.data.confirmUsername !== user.username) {
    return { status: "error", fieldErrors: { confirmUsername: [`Type your username, “${user.username}”, to confirm.`] }, at };
  }
  const counts = await deleteUserData(user.id);
  logger().info({ userId: user.id, counts }, "account deleted");
  await signOut({ redirectTo: "/" });
  return { status: "success", at };
}
