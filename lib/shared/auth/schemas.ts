/**
 * Account form schemas: the one source for client-side feedback and server-side truth.
 * Client-safe (zod only). Every field rejects non-strings, so JSON like {"$gt": ""} never
 * reaches a query.
 */
import { z } from "zod";

export const PASSWORD_MIN_CHARS = 8;
/** bcrypt ignores everything after 72 bytes, so longer passwords are refused, not truncated. */
export const PASSWORD_MAX_BYTES = 72;

export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .toLowerCase()
  .min(3, "Username must be at least 3 characters.")
  .max(32, "Username must be at most 32 characters.")
  .regex(/^[a-z0-9_-]+$/, "Use only letters a–z, digits, “_” and “-”.");

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_CHARS, `Password must be at least ${PASSWORD_MIN_CHARS} characters.`)
  .refine(
    (value) => utf8Length(value) <= PASSWORD_MAX_BYTES,
    `Password must be at most ${PASSWORD_MAX_BYTES} bytes (about 72 letters; accented letters and emoji count as 2–4).`,
  );

export const displayNameSchema = z
  .string({ error: "Enter a name or leave it empty." })
  .trim()
  .max(80, "Name must be at most 80 characters.")
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const registerSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  name: displayNameSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  identifier: z
    .string({ error: "Enter your username or email." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your username or email.")
    .max(254, "That is longer than any username or email."),
  // Not the new-password rules: a sign-in only needs to be bounded, the hash decides.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

/** Query parameter the settings page is reopened with after a password change (a fresh request, so the new session cookie is read). */
export const PASSWORD_CHANGED_PARAM = "passwordChanged";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1024, "That password is too long."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the new password." }).min(1, "Repeat the new password."),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

export const deleteAccountSchema = z.object({
  confirmUsername: z.string({ error: "Type your username to confirm." }).trim().toLowerCase().max(64, "That is not your username."),
});
