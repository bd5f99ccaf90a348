/**
 * Fixed-window rate limits stored in MongoDB, so a limit holds across processes and restarts.
 * `hitRateLimit` counts one attempt and reports; `enforceRateLimit` throws a rate_limited
 * AppError (with retryAfterS) when the attempt is over the limit.
 */
import { createHash } from "node:crypto";
import type { Db } from "mongodb";
import { AppError, retryMessage, type ErrorCode } from "@/lib/errors";
import { countRateLimitRefusal } from "@/lib/metrics";
import { incrementWindowCounter } from "@/models/rate-limits";

export interface RateLimitRule {
  /** Stable name, e.g. "auth:signin:ip". */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowS: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (0 when allowed). */
  retryAfterS: number;
  resetAt: Date;
}

export interface RateLimitOptions {
  db?: Db;
  now?: Date;
}

function counterId(rule: RateLimitRule, key: string, windowStart: number): string {
  // Hash the key: identifiers may be long, unicode, or personal (emails) — none of that is stored.
  const digest = createHash("sha256").update(key).digest("base64url").slice(0, 32);
  return `${rule.name}:${digest}:${windowStart}`;
}

export async function hitRateLimit(rule: RateLimitRule, key: string, options: RateLimitOptions = {}): Promise<RateLimitResult> {
  const now = (options.now ?? new Date()).getTime();
  const windowMs = rule.windowS * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const resetAt = new Date(windowStart + windowMs);
  const count = await incrementWindowCounter(counterId(rule, key, windowStart), rule.name, resetAt, options.db);
  const allowed = count <= rule.limit;
  return {
    allowed,
    count,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterS: allowed ? 0 : Math.max(1, Math.ceil((resetAt.getTime() - now) / 1000)),
    resetAt,
  };
}

export async function enforceRateLimit(
  rule: RateLimitRule,
  key: string,
  code: ErrorCode = "rate_limited",
  options: RateLimitOptions = {},
): Promise<RateLimitResult> {
  const result = await hitRateLimit(rule, key, options);
  if (!result.allowed) {
    countRateLimitRefusal(rule.name);
    throw new AppError(code, retryMessage(result.retryAfterS), { retryAfterS: result.retryAfterS });
  }
  return result;
}

/** The client's IP as seen by the first proxy (x-forwarded-for), else x-real-ip, else "unknown". */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}
