/**
 * Who is signed in, for server components, server actions and route handlers. The JWT says who
 * the user was; the users collection says whether the account still exists and whether its
 * password has changed since this session signed in (a deleted account's cookie, or one from
 * before a password change, must not keep working), so these helpers read both.
 */
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { AppError } from "@/lib/errors";
import { getUserById, type PublicUser } from "@/models/users";

/** The signed-in user, or null when signed out, the account no longer exists, or its password changed since sign-in. */
// cache(): the layout, generateMetadata and the page of one request share a single read.
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(id);
  return user && user.credentialVersion === (session.user.credentialVersion ?? 0) ? user : null;
});

/** For pages and server actions: the signed-in user, or a redirect to /login. */
export async function requireUser(callbackPath?: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (user) return user;
  redirect(callbackPath ? `/login?callbackUrl=${encodeURIComponent(callbackPath)}` : "/login");
}

/** For route handlers: the signed-in user, or AppError "unauthorized" (→ 401 problem+json). */
export async function requireApiUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
  return user;
}
