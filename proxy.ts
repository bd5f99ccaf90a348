/**
 * Route protection and per-request headers (Next.js 16's name for middleware; runs on Node).
 * - Paths with malformed percent-encoding get a 404 page / 400 problem+json before any route
 *   tries to decode them.
 * - Server-action posts larger than the action body limit get 413, from a foreign (or `null`) Origin
 *   403, and with a body React's reply decoder cannot decode 400 — Next.js would fail all three as 500
 *   (lib/server/infra/http/server-action-guard.ts).
 * - Signed-out visitors of app pages go to /login with a callbackUrl; signed-out API calls get
 *   401 problem+json. A Bearer header alone passes only to handlers that verify tokens themselves.
 *   This gate reads the signed cookie; pages, actions and handlers then check the server-side
 *   session (lib/server/services/auth/session.ts) — this is the first gate, not the only one.
 * - Every page gets a fresh CSP nonce (lib/server/infra/http/csp.ts), passed to Next.js and the layout in the
 *   request headers, and its own path and query (lib/server/infra/http/page-path.ts), so a page that
 *   finds the session ended can send the visitor to /login with a callbackUrl too.
 */
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { acceptsBearerToken, hasBearerToken, isDecodablePath, routeAccess } from "@/lib/shared/auth/route-rules";
import { AppError } from "@/lib/shared/errors";
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from "@/lib/server/infra/http/csp";
import { PAGE_PATH_HEADER } from "@/lib/server/infra/http/page-path";
import { problemResponse } from "@/lib/server/infra/http/problem";
import { foreignOriginReason, isPossibleServerAction, undecodableActionBodyReason } from "@/lib/server/infra/http/server-action-guard";
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
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export default withRequestId(auth(async (request) => {
  const { pathname, search } = request.nextUrl;
  const access = routeAccess(pathname);

  if (!isDecodablePath(pathname)) {
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      return problemResponse(new AppError("invalid:path", "The path has malformed percent-encoding."), { instance: "/api" });
    }
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.nextUrl.origin), { status: 404 });
  }
  if (isPossibleServerAction(request, pathname)) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (request.headers.has("next-action") && declared > ACTION_BODY_LIMIT_BYTES) {
      return problemResponse(new AppError("payload_too_large", "The form is larger than 2 MB."), { instance: pathname });
    }
    const foreign = foreignOriginReason(request.headers);
    if (foreign) return problemResponse(new AppError("forbidden:origin", foreign), { instance: pathname });
    const undecodable = await undecodableActionBodyReason(request);
    if (undecodable) {
      return problemResponse(new AppError("invalid:action_body", `The server action's arguments cannot be decoded: ${undecodable}`), { instance: pathname });
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
    // Every API path, dots or not (a future /api/v1/openapi.json is gated like the rest) — but the
    // upload endpoints: Next.js buffers a proxied body in memory and cuts it at 10 MB
    // (experimental.proxyClientMaxBodySize), and their handlers authenticate for themselves (apiRoute);
    // and the chat reply with a well-formed (hex, so nothing percent-encoded) id: the hottest route,
    // whose handler checks the session itself (requireApiOwner → 401 problem+json) and names its
    // own request id (withApiErrors); running the proxy in front cost ~2–3 ms of CPU per reply.
    "/api",
    "/api/((?!v1/attachments$|v1/imports$|chat/[0-9a-fA-F]+/reply$).*)",
    // Pages: everything but build assets and static files in public/ (names with an extension).
    "/((?!api/|_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)",
  ],
};
