/**
 * Who is signed in, for server components, server actions and route handlers. The cookie (a
 * next-auth JWT) names a server-side session and its user; both records are read together by
 * _id (models/sessions.ts), so a signed-out, expired or
 * password-changed session, or one of a deleted account, stops working at once.
 */
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { AppError } from "@/lib/shared/errors";
import { currentPagePath } from "@/lib/server/infra/http/page-path";
import type { Owner } from "@/models/conversations";
import { findLiveSession, findLiveSessionOwner, type LiveSession } from "@/models/sessions";
import type { PublicUser } from "@/models/users";

/** The live session behind this request's cookie, or null. */
// cache(): the layout, generateMetadata and the page of one request share a single read.
export const getCurrentSession = cache(async (): Promise<LiveSession | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  const userId = session?.user?.id;
  // The session record must belong to the user the (signed) cookie names: both are in the filter.
  return sessionId && userId ? findLiveSession(sessionId, userId) : null;
});

/** The signed-in user, or null when signed out or the session has ended. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => (await getCurrentSession())?.user ?? null);

/**
 * For pages and server actions: the signed-in user, or a redirect to /login that comes back to
 * the page this request is for (path and query, passed on by proxy.ts), or to `callbackPath` when
 * that is unknown. The layout and the page both check and either may redirect first, so both
 * must send an ended session to the same place.
 */
export async function requireUser(callbackPath?: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const back = (await currentPagePath()) ?? callbackPath;
  redirect(back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login");
}

/** For route handlers: the signed-in user, or AppError "unauthorized" (→ 401 problem+json). */
export async function requireApiUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
  return user;
}

/**
 * For route handlers that need only who is asking (the chat reply, on its hot path): the owner of
 * the live session, or AppError "unauthorized". One read — the session record, not its account
 * (see findLiveSessionOwner) — and still checked on every request, so an ended session stops at once.
 */
export async function requireApiOwner(): Promise<Owner> {
  const session = await auth();
  const sessionId = session?.sessionId;
  const userId = session?.user?.id;
  const owner = sessionId && userId ? await findLiveSessionOwner(sessionId, userId) : null;
  if (!owner) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
  return owner;
}
