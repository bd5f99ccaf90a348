/** Creating an account and changing its password: the rate limits and session rules around the user model. */
import "server-only";
import { enforcePasswordCheckLimit, enforceSignUpLimit } from "@/lib/server/services/auth/limits";
import { endOtherSessions } from "@/lib/server/services/auth/sessions-service";
import type { RegisterInput } from "@/lib/shared/auth/schemas";
import { AppError } from "@/lib/shared/errors";
import { createUser, setUserPassword, verifyUserPassword, type PublicUser } from "@/models/users";

/** Sign-ups are limited per client address; a taken username or email is `conflict` with field messages. */
export async function registerUser(input: RegisterInput, client: string): Promise<PublicUser> {
  await enforceSignUpLimit(client);
  return createUser(input);
}

/**
 * Checks the current password (a guess like any other, so it is rate limited), sets the new one
 * and ends every other session: whoever knew the old password may be signed in elsewhere.
 * Answers how many sessions were ended.
 */
export async function changePassword(userId: string, keepSessionId: string, current: string, next: string): Promise<number> {
  await enforcePasswordCheckLimit(userId);
  if (!(await verifyUserPassword(userId, current))) {
    throw new AppError("invalid:current_password", "Current password is incorrect.", { fields: { currentPassword: ["Current password is incorrect."] } });
  }
  await setUserPassword(userId, next);
  return endOtherSessions(userId, keepSessionId);
}
