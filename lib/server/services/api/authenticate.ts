/**
 * The one way a route handler learns who is calling: `Authorization: Bearer <token>` or the
 * session cookie. A request that sends a Bearer header is judged by that token alone (never
 * silently by a cookie beside it). Unknown, malformed, expired and revoked tokens all get the
 * same 401, after the same work (hash, then look up by hash). Server actions (settings, tokens,
 * password, account deletion) use requireUser(), which reads only the session cookie, so a token
 * never reaches them.
 */
import "server-only";
import { verifyToken } from "@/lib/server/services/api/tokens";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { getEnv } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import type { RateLimitResult } from "@/lib/server/infra/http/rate-limit";
import { hitRateLimit } from "@/lib/server/services/limits/rate-limit";
import type { TokenScope } from "@/models/api-tokens";
import type { Owner } from "@/models/conversations";
import { getUserById, type PublicUser } from "@/models/users";

/** What a request needs: "read" for GET, "read-write" for anything that changes data. */
export type RequiredScope = TokenScope;

export interface ApiCaller {
  user: PublicUser;
  owner: Owner;
  /** Present when the caller used a personal token. */
  token?: { id: string; scope: TokenScope };
  /** The per-token limit after this request (tokens only); the route turns it into RateLimit-* headers. */
  rateLimit?: RateLimitResult;
}

/** Per-token limits count requests in windows of this length. */
export const TOKEN_WINDOW_S = 60;

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const INVALID_TOKEN = "The API token is invalid, expired or revoked.";

export function scopeForMethod(method: string): RequiredScope {
  return method === "GET" || method === "HEAD" ? "read" : "read-write";
}

/** An AppError that carries the rate-limit result, so the 429 keeps its RateLimit-* headers. */
export class RateLimitedError extends AppError {
  constructor(readonly result: RateLimitResult) {
    super("rate_limited:token", `This token has made ${result.limit} requests this minute. Try again in ${result.retryAfterSeconds} s.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

async function callerFromToken(header: string, scope: RequiredScope): Promise<ApiCaller> {
  const presented = BEARER.exec(header)?.[1] ?? "";
  const token = await verifyToken(presented);
  const user = token ? await getUserById(token.userId.toHexString()) : null;
  if (!token || !user) throw new AppError("unauthorized:token", INVALID_TOKEN);

  const rule = { name: "api:token", limit: getEnv().API_TOKEN_RATE_LIMIT_PER_MINUTE, windowS: TOKEN_WINDOW_S };
  const rateLimit = await hitRateLimit(rule, token._id.toHexString());
  if (!rateLimit.allowed) throw new RateLimitedError(rateLimit);
  // About the token, not about any id: saying so confirms nothing about other users' data.
  if (scope === "read-write" && token.scope !== "read-write") {
    throw new AppError("forbidden:scope", "This token is read-only; this request needs a read-write token.");
  }
  return { user, owner: toOwner(user), token: { id: token._id.toHexString(), scope: token.scope }, rateLimit };
}

export async function authenticateApiRequest(request: Request, scope: RequiredScope): Promise<ApiCaller> {
  const header = request.headers.get("authorization");
  if (header !== null) return callerFromToken(header, scope);
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in, or send a valid API token.");
  return { user, owner: toOwner(user) };
}
