/**
 * The one way an action or page turns the signed-in user into the owner every query filters by.
 * Apart from toOwner (services/owner.ts) because it reads the session, and so next-auth.
 */
import "server-only";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { AppError, SESSION_ENDED_MESSAGE } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";

/** An ended session is "unauthorized", with the message that asks to sign in again. */
export async function requireOwner(): Promise<Owner> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", SESSION_ENDED_MESSAGE);
  return toOwner(user);
}
