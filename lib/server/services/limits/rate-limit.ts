/**
 * Rate limits counted by rate-limiter-flexible in MongoDB (models/rate-limits.ts), so a limit
 * holds across processes and restarts. A window starts at a key's first attempt, not at a clock
 * boundary. `hitRateLimit` counts one attempt and reports; `enforceRateLimit` throws a
 * rate_limited AppError (with retryAfterSeconds) when the attempt is over the limit.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "mongodb";
import { RateLimiterMongo, RateLimiterRes } from "rate-limiter-flexible";
import type { ErrorCode } from "@/lib/shared/errors";
import { countRateLimitRefusal } from "@/lib/server/infra/metrics";
import { rateLimitedError, type RateLimitResult, type RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { rateLimitDb, rateLimitsModel } from "@/models/rate-limits";

export interface RateLimitOptions {
  /** Another database (tests simulating two app processes); the app's by default. */
  db?: Db;
}

export interface LimiterSpec {
  name: string;
  points: number;
  durationS: number;
}

const limiters = new WeakMap<Db, Map<string, RateLimiterMongo>>();

/** One limiter per database and spec; the library keeps no state of its own beyond the store. */
export async function limiterFor(spec: LimiterSpec, options: RateLimitOptions = {}): Promise<RateLimiterMongo> {
  const db = await rateLimitDb(options.db);
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  const id = `${spec.name}|${spec.points}|${spec.durationS}`;
  let limiter = byName.get(id);
  if (!limiter) {
    limiter = new RateLimiterMongo({
      storeClient: db,
      tableName: rateLimitsModel.collection,
      keyPrefix: spec.name,
      points: spec.points,
      duration: spec.durationS,
      // models/rate-limits.ts declares the indexes; start-up creates them awaited.
      disableIndexesCreation: true,
    });
    byName.set(id, limiter);
  }
  return limiter;
}

/** Keys are hashed: identifiers may be long, unicode or personal (emails, addresses). */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function toResult(res: RateLimiterRes, limit: number, allowed: boolean, now: number): RateLimitResult {
  const msBeforeNext = Math.max(0, res.msBeforeNext);
  return {
    allowed,
    count: res.consumedPoints,
    limit,
    remaining: Math.max(0, limit - res.consumedPoints),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msBeforeNext / 1000)),
    resetAt: new Date(now + msBeforeNext),
  };
}

/** Counts one attempt against `rule` for `key` and reports whether it is allowed. */
export async function hitRateLimit(rule: RateLimitRule, key: string, options: RateLimitOptions = {}): Promise<RateLimitResult> {
  const limiter = await limiterFor({ name: rule.name, points: rule.limit, durationS: rule.windowS }, options);
  const now = Date.now();
  try {
    return toResult(await limiter.consume(hashKey(key)), rule.limit, true, now);
  } catch (refusal) {
    // The library rejects with a RateLimiterRes when over the limit, and with an Error on store failures.
    if (refusal instanceof RateLimiterRes) return toResult(refusal, rule.limit, false, now);
    throw refusal;
  }
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
    throw rateLimitedError(result, code);
  }
  return result;
}
