/**
 * Growing delays after failed attempts (sign-in), on rate-limiter-flexible's MongoDB store.
 * The first `freeFailures` failures of a key cost nothing; each one after that makes the next
 * attempt wait twice as long as the last (baseDelayS, 2×, 4×, … up to maxDelayS). The failure
 * count lives for `windowS` after the key's first failure and is cleared by a success, so there
 * is no clock-aligned window to straddle: the delay only grows until the key behaves.
 */
import "server-only";
import { limiterFor, hashKey, type RateLimitOptions } from "@/lib/server/services/limits/rate-limit";

export interface FailureDelayPolicy {
  /** Counter key prefix, e.g. "signin:account". */
  name: string;
  freeFailures: number;
  baseDelayS: number;
  maxDelayS: number;
  windowS: number;
}

/** Enough that the counter itself never refuses; the delay is what limits. */
const UNCOUNTED = 1_000_000;

function counters(policy: FailureDelayPolicy, options: RateLimitOptions) {
  return Promise.all([
    limiterFor({ name: `${policy.name}:failures`, points: UNCOUNTED, durationS: policy.windowS }, options),
    limiterFor({ name: `${policy.name}:wait`, points: 1, durationS: policy.maxDelayS }, options),
  ]);
}

/** Seconds the key must still wait before its next attempt (0 = may try now). */
export async function secondsToWait(policy: FailureDelayPolicy, key: string, options: RateLimitOptions = {}): Promise<number> {
  const [, wait] = await counters(policy, options);
  const res = await wait.get(hashKey(key));
  if (!res || res.consumedPoints <= wait.points || res.msBeforeNext <= 0) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Delay that follows the n-th failure (0 while failures are still free). */
export function delayAfterFailures(policy: FailureDelayPolicy, failures: number): number {
  const excess = failures - policy.freeFailures;
  if (excess <= 0) return 0;
  return Math.min(policy.maxDelayS, policy.baseDelayS * 2 ** Math.min(excess - 1, 30));
}

/** Counts a failure; returns the wait it imposes (seconds, 0 for none). */
export async function recordFailure(policy: FailureDelayPolicy, key: string, options: RateLimitOptions = {}): Promise<number> {
  const [failures, wait] = await counters(policy, options);
  const hashed = hashKey(key);
  const { consumedPoints } = await failures.consume(hashed);
  const delayS = delayAfterFailures(policy, consumedPoints);
  if (delayS > 0) await wait.block(hashed, delayS);
  return delayS;
}

/** A success clears the key's failures and any wait. */
export async function clearFailures(policy: FailureDelayPolicy, key: string, options: RateLimitOptions = {}): Promise<void> {
  const [failures, wait] = await counters(policy, options);
  const hashed = hashKey(key);
  await Promise.all([failures.delete(hashed), wait.delete(hashed)]);
}
