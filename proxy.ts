/**
 * Route protection (Next.js 16's name for middleware). Signed-out visitors of app pages go to
 * /login with a callbackUrl; signed-out API calls get 401 problem+json, never a redirect.
 * Route handlers and server actions still check the user themselves — this is the first gate,
 * not the only one. Signed-in visitors of /login are sent on by the page itself, after checking
 * the account still exists (a JWT of a deleted account must not bounce between pages).
 */
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { hasBearerToken, routeAccess } from "@/lib/auth/route-rules";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { withRequestId } from "@/lib/request-context";

const { auth } = NextAuth(authConfig);

export default withRequestId(auth((request) => {
  const { pathname, search } = request.nextUrl;
  const signedIn = Boolean(request.auth?.user);
  const access = routeAccess(pathname);

  if (access === "api" && !signedIn && !hasBearerToken(request.headers)) {
    return problemResponse(new AppError("unauthorized", "Sign in, or send a valid API token."), { instance: pathname });
  }
  if (access === "page" && !signedIn) {
    const login = new URL("/login", request.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}));

export const config = {
  // Everything except build assets and files with an extension (icons, images, robots.txt).
  matcher: ["/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)"],
};
