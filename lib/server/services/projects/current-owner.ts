import "server-only";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { AppError } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";

/** The signed-in user as the owner every project query filters by; an ended session is "unauthorized". */
export async function currentOwner(): Promise<Owner> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again to continue.");
  return toOwner(user);
}
