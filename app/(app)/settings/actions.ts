"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { fieldErrorsOf, formObject, type FormState } from "@/components/auth/form-state";
import { enforcePasswordCheckLimit } from "@/lib/auth/limits";
import { changePasswordSchema, deleteAccountSchema, PASSWORD_CHANGED_PARAM } from "@/lib/auth/schemas";
import { getCurrentSession, getCurrentUser } from "@/lib/auth/session";
import { endOtherSessions } from "@/lib/auth/sessions-service";
import { deleteUserData } from "@/lib/account/delete-account";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { setUserPassword, verifyUserPassword } from "@/models/users";

export type ChangePasswordField = "currentPassword" | "newPassword" | "confirmPassword";
export type DeleteAccountField = "confirmUsername";

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

export async function changePasswordAction(
  _previous: FormState<ChangePasswordField>,
  formData: FormData,
): Promise<FormState<ChangePasswordField>> {
  const at = Date.now();
  const current = await getCurrentSession();
  if (!current) return { status: "error", message: SESSION_ENDED, at };
  const { user } = current;

  const parsed = changePasswordSchema.safeParse(formObject(formData, ["currentPassword", "newPassword", "confirmPassword"]));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), at };

  try {
    // Checking the current password is a password guess like any other: bound it.
    await enforcePasswordCheckLimit(user.id);
  } catch (error) {
    if (isAppError(error) && error.kind === "rate_limited") return { status: "error", message: error.message, at };
    throw error;
  }
  if (!(await verifyUserPassword(user.id, parsed.data.currentPassword))) {
    return { status: "error", fieldErrors: { currentPassword: ["Current password is incorrect."] }, at };
  }
  await setUserPassword(user.id, parsed.data.newPassword);
  // Whoever knew the old password may be signed in elsewhere: end every session but this one.
  const ended = await endOtherSessions(user.id, current.session.id);
  logger().info({ userId: user.id, endedSessions: ended }, "password changed");
  redirect(`/settings?${PASSWORD_CHANGED_PARAM}=1`);
}

export async function deleteAccountAction(
  _previous: FormState<DeleteAccountField>,
  formData: FormData,
): Promise<FormState<DeleteAccountField>> {
  const at = Date.now();
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: SESSION_ENDED, at };

  const parsed = deleteAccountSchema.safeParse(formObject(formData, ["confirmUsername"]));
  if (!parsed.success || parsed.data.confirmUsername !== user.username) {
    return { status: "error", fieldErrors: { confirmUsername: [`Type your username, “${user.username}”, to confirm.`] }, at };
  }
  const counts = await deleteUserData(user.id);
  logger().info({ userId: user.id, counts }, "account deleted");
  await signOut({ redirectTo: "/" });
  return { status: "success", at };
}
