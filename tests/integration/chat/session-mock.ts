/**
 * Who the mocked session says is signed in. Test files register
 *   vi.mock("@/lib/server/services/auth/session", () => sessionMock)
 * and call `signInAs(user)` / `signOut()`; actions and the reply route then see that user.
 */
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import type { PublicUser } from "@/models/users";

let current: PublicUser | null = null;

export function signInAs(user: PublicUser | null): void {
  current = user;
}

export const sessionMock = {
  getCurrentUser: async () => current,
  requireUser: async () => {
    if (!current) throw new Error("redirect to /login");
    return current;
  },
  requireApiUser: async () => {
    if (!current) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
    return current;
  },
  requireApiOwner: async () => {
    if (!current) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
    return new ObjectId(current.id);
  },
};
