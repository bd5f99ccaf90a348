/**
 * Sign-in and sign-up limits (issue 8). Sign-in failures are counted per ACCOUNT (username and
 * email resolve to the same user id; an unknown name is keyed on its normalised text), per
 * CLIENT address, and per known DEVICE (lib/server/services/auth/device-cookie.ts): a request from a device that
 * signed in to this account before answers to the device's budget instead of the account's, so
 * failures from elsewhere cannot lock the owner out. Failures beyond a small free budget impose
 * growing waits (lib/server/services/limits/failure-delay.ts). Sign-ups are limited per client address.
 */
import "server-only";
import { getEnv } from "@/lib/server/infra/env";
import type { RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { clearFailures, recordFailure, secondsToWait, type FailureDelayPolicy } from "@/lib/server/services/limits/failure-delay";
import { enforceRateLimit } from "@/lib/server/services/limits/rate-limit";

const DAY_S = 24 * 60 * 60;

export const ACCOUNT_FAILURES: FailureDelayPolicy = { name: "signin:account", freeFailures: 5, baseDelayS: 15, maxDelayS: 15 * 60, windowS: DAY_S };
export const DEVICE_FAILURES: FailureDelayPolicy = { name: "signin:device", freeFailures: 5, baseDelayS: 15, maxDelayS: 15 * 60, windowS: DAY_S };
/** Generous: a whole office can share one address; it stops one client spraying many accounts. */
export const CLIENT_FAILURES: FailureDelayPolicy = { name: "signin:client", freeFailures: 30, baseDelayS: 5, maxDelayS: 15 * 60, windowS: 60 * 60 };
export const PASSWORD_CHECK_PER_USER: RateLimitRule = { name: "auth:password:user", limit: 10, windowS: 15 * 60 };

export function signUpPerClientRule(): RateLimitRule {
  return { name: "auth:signup:client", limit: getEnv().SIGN_UP_LIMIT_PER_HOUR, windowS: 60 * 60 };
}

/** Who a sign-in attempt counts against. */
export interface SignInSubject {
  /** "user:<id>" for an existing account, "name:<normalised identifier>" otherwise. */
  account: string;
  client: string;
  /** Set when the request carries a valid device cookie for this account. */
  deviceId: string | null;
}

export function accountKey(userId: string | null, identifier: string): string {
  return userId ? `user:${userId}` : `name:${identifier.trim().toLowerCase()}`;
}

/** The account's budget, or the known device's in its place. */
function ownerBudget(subject: SignInSubject): [FailureDelayPolicy, string] {
  return subject.deviceId ? [DEVICE_FAILURES, `${subject.account}:${subject.deviceId}`] : [ACCOUNT_FAILURES, subject.account];
}

/** Seconds to wait before this attempt may be checked (0 = go ahead). */
export async function signInWait(subject: SignInSubject): Promise<number> {
  const [policy, key] = ownerBudget(subject);
  const waits = await Promise.all([secondsToWait(CLIENT_FAILURES, subject.client), secondsToWait(policy, key)]);
  return Math.max(...waits);
}

/** Counts a wrong password; returns the wait it imposes on the next attempt (0 for none). */
export async function recordSignInFailure(subject: SignInSubject): Promise<number> {
  const [policy, key] = ownerBudget(subject);
  const waits = await Promise.all([recordFailure(CLIENT_FAILURES, subject.client), recordFailure(policy, key)]);
  return Math.max(...waits);
}

/** A right password clears the account's (or device's) failures; the client's keep counting. */
export async function recordSignInSuccess(subject: SignInSubject): Promise<void> {
  const [policy, key] = ownerBudget(subject);
  await clearFailures(policy, key);
}

/** Throws AppError "rate_limited:auth" (with retryAfterSeconds) past the per-client sign-up limit. */
export async function enforceSignUpLimit(client: string): Promise<void> {
  await enforceRateLimit(signUpPerClientRule(), client, "rate_limited:auth");
}

export async function enforcePasswordCheckLimit(userId: string): Promise<void> {
  await enforceRateLimit(PASSWORD_CHECK_PER_USER, userId, "rate_limited:auth");
}
