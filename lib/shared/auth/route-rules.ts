/**
 * Which paths need a signed-in user, shared by proxy.ts and tests. Pure functions, no imports.
 */

/** Pages of the signed-in app. */
export const PROTECTED_PAGE_PREFIXES = ["/dashboard", "/settings", "/roles", "/chat", "/projects", "/search"] as const;

/**
 * API paths that answer without a session: next-auth's own endpoints, the health check, CSP
 * reports, metrics (which checks its own token) and the OpenAPI document (no user data; the
 * /docs/api page that renders it is a public page too).
 */
const PUBLIC_API_PREFIXES = ["/api/auth/", "/api/health", "/api/csp-report", "/api/metrics", "/api/v1/openapi.json"] as const;

/**
 * API paths whose handlers verify a Bearer token themselves: only these let a request with a
 * token and no session past the proxy. Any other path with `Authorization: Bearer x` needs the session.
 */
const BEARER_API_PREFIXES = ["/api/v1", "/api/chat/history", "/api/chat/save"] as const;

function underPrefix(pathname: string, prefix: string): boolean {
  if (prefix.endsWith("/")) return pathname.startsWith(prefix);
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export type RouteAccess = "public" | "page" | "api" | "auth-page";

export function routeAccess(pathname: string): RouteAccess {
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return PUBLIC_API_PREFIXES.some((prefix) => underPrefix(pathname, prefix)) ? "public" : "api";
  }
  if (PROTECTED_PAGE_PREFIXES.some((prefix) => underPrefix(pathname, prefix))) return "page";
  if (pathname === "/login" || pathname === "/register") return "auth-page";
  return "public";
}

/** True for `Authorization: Bearer <token>`; the route handler validates the token itself. */
export function hasBearerToken(headers: Headers): boolean {
  return /^Bearer\s+\S+/i.test(headers.get("authorization") ?? "");
}

/** True when `pathname` is served by a handler that checks Bearer tokens itself. */
export function acceptsBearerToken(pathname: string): boolean {
  return BEARER_API_PREFIXES.some((prefix) => underPrefix(pathname, prefix));
}

/**
 * False when the path has malformed percent-encoding (`/chat/%ff`): no route can decode it, so
 * the proxy answers 404/400 before any page or handler tries.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
