/**
 * The HTTP side of rate limits: the rule and result shapes every limiter speaks, the error a
 * refused attempt becomes, and the IETF `RateLimit-*` headers for API responses. Counting lives
 * in lib/server/services/limits/rate-limit.ts (it needs the database); this module stays infrastructure.
 */
import "server-only";
import { AppError, retryMessage, type ErrorCode } from "@/lib/shared/errors";

export interface RateLimitRule {
  /** Stable name, e.g. "chat:user". Becomes the counter's key prefix. */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  /** The window starts at the key's first attempt (not aligned to the clock). */
  windowS: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  limit: number;
  remaining: number;
  /** Seconds until the next attempt is allowed (0 when allowed). */
  retryAfterSeconds: number;
  /** When the current window ends. */
  resetAt: Date;
}

export function rateLimitedError(result: Pick<RateLimitResult, "retryAfterSeconds">, code: ErrorCode = "rate_limited"): AppError {
  return new AppError(code, retryMessage(result.retryAfterSeconds), { retryAfterSeconds: result.retryAfterSeconds });
}

/** `RateLimit-Limit/Remaining/Reset` (draft-ietf-httpapi-ratelimit-headers), reset in seconds. */
export function rateLimitHeaders(result: RateLimitResult, now: Date = new Date()): Record<string, string> {
  const resetS = Math.max(0, Math.ceil((result.resetAt.getTime() - now.getTime()) / 1000));
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(resetS),
  };
}
