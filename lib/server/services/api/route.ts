/**
 * `apiRoute` wraps every /api/v1 handler: it authenticates (token or session, with the scope
 * the method needs), turns anything thrown into problem+json (through withApiErrors, the same
 * path as every other route), and adds the per-token RateLimit-* headers to every answer a
 * token gets, refusals included.
 */
import "server-only";
import { authenticateApiRequest, RateLimitedError, scopeForMethod, TOKEN_WINDOW_S, type ApiCaller } from "@/lib/server/services/api/authenticate";
import { withApiErrors } from "@/lib/server/infra/http/handler";
import { rateLimitHeaders, type RateLimitResult } from "@/lib/server/infra/http/rate-limit";

export interface RouteContext<P> {
  params: Promise<P>;
}

export type ApiHandler<P> = (request: Request, caller: ApiCaller, params: P) => Promise<Response>;

/** The IETF RateLimit header fields (lib/http/rate-limit), plus the policy they follow. */
function setRateLimitHeaders(headers: Headers, result: RateLimitResult, windowS: number): void {
  for (const [name, value] of Object.entries(rateLimitHeaders(result))) headers.set(name, value);
  headers.set("ratelimit-policy", `${result.limit};w=${windowS}`);
}

export function apiRoute<P = Record<string, never>>(handler: ApiHandler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let rateLimit: RateLimitResult | undefined;
    const response = await withApiErrors(async (req: Request) => {
      try {
        const caller = await authenticateApiRequest(req, scopeForMethod(req.method));
        rateLimit = caller.rateLimit;
        return await handler(req, caller, await context.params);
      } catch (error) {
        if (error instanceof RateLimitedError) rateLimit = error.result;
        throw error;
      }
    })(request);
    if (rateLimit) setRateLimitHeaders(response.headers, rateLimit, TOKEN_WINDOW_S);
    return response;
  };
}

/** A JSON answer; `no-store` because every /api/v1 answer is one user's data. */
export function jsonResponse(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
