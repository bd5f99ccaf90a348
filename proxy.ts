/**
 * Route protection and per-request headers (Next.js 16's name for middleware; runs on Node).
 * - Paths with malformed percent-encoding get a 404 page / 400 problem+json before any route
 *   tries to decode them.
 * - Server-action posts larger than the action body limit get 413 (Next.js would fail them as 500).
 * - Signed-out visitors of app pages go to /login with a callbackUrl; signed-out API calls get
 *   401 problem+json. A Bearer header alone passes only to handlers that verify tokens themselves.
 *   This gate reads the signed cookie; pages, actions and handlers then check the server-side
 *   session (lib/server/services/auth/session.ts) — this is the first gate, not the only one.
 * - Every page gets a fresh CSP nonce (lib/server/infra/http/csp.ts), passed to Next.js and the layout in the
 *   request headers.
 */
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { acceptsBearerToken, hasBearerToken, isDecodablePath, routeAccess } from "@/lib/shared/auth/route-rules";
import { AppError } from "@/lib/shared/errors";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/server/infra/http/csp";
import { problemResponse } from "@/lib/server/infra/http/problem";
import { withRequestId } from "@/lib/server/infra/request-context";

const { auth } = NextAuth(authConfig);

/** Must match `serverActions.bodySizeLimit` in next.config.ts. */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** A path no route serves: rewriting to it renders app/not-found.tsx with status 404. */
const NOT_FOUND_PATH = "/_chatcraft-not-found";

function withNonce(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export default withRequestId(auth((request) => {
  const { pathname, search } = request.nextUrl;
  const access = routeAccess(pathname);

  if (!isDecodablePath(pathname)) {
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      return problemResponse(new AppError("invalid:path", "The path has malformed percent-encoding."), { instance: "/api" });
    }
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.nextUrl.origin), { status: 404 });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > ACTION_BODY_LIMIT_BYTES) {
      return problemResponse(new AppError("payload_too_large", "The form is larger than 2 MB."), { instance: pathname });
    }
  }

  const signedIn = Boolean(request.auth?.user);
  if (access === "api" && !signedIn && !(hasBearerToken(request.headers) && acceptsBearerToken(pathname))) {
    return problemResponse(new AppError("unauthorized", "Sign in, or send a valid API token."), { instance: pathname });
  }
  if (access === "page" && !signedIn) {
    const login = new URL("/login", request.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return pathname.startsWith("/api/") ? NextResponse.next() : withNonce(request);
}));

export const config = {
  matcher: [
    // Every API path, dots or not (a future /api/v1/openapi.json is gated like the rest).
    "/api/:path*",
    // Pages: everything but build assets and static files in public/ (names with an extension).
    "/((?!api/|_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)",
  ],
};
