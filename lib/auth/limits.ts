/**
 * Rate-limit rules for account endpoints. Per identifier they stop password guessing against
 * one account; per IP they stop one client from spraying many accounts. The per-IP limits are
 * generous because a whole office (or a test suite) can share one address.
 */
import "server-only";
import { enforceRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";

export const SIGN_IN_PER_IDENTIFIER: RateLimitRule = { name: "auth:signin:id", limit: 10, windowS: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimitRule = { name: "auth:signin:ip", limit: 100, windowS: 15 * 60 };
export const SIGN_UP_PER_IDENTIFIER: RateLimitRule = { name: "auth:signup:id", limit: 10, windowS: 60 * 60 };
export const SIGN_UP_PER_IP: RateLimitRule = { name: "auth:signup:ip", limit: 60, windowS: 60 * 60 };
export const PASSWORD_CHECK_PER_USER: RateLimitRule = { name: "auth:password:user", limit: 10, windowS: 15 * 60 };

/** Throws AppError "rate_limited:auth" (with retryAfterS) when either limit is exceeded. */
export async function enforceSignInLimits(ip: string, identifier: string): Promise<void> {
  await enforceRateLimit(SIGN_IN_PER_IP, ip, "rate_limited:auth");
  await enforceRateLimit(SIGN_IN_PER_IDENTIFIER, identifier.trim().toLowerCase(), "rate_limited:auth");
}

export async function enforceSignUpLimits(ip: string, email: string): Promise<void> {
  await enforceRateLimit(SIGN_UP_PER_IP, ip, "rate_limited:auth");
  await enforceRateLimit(SIGN_UP_PER_IDENTIFIER, email.trim().toLowerCase(), "rate_limited:auth");
}

export async function enforcePasswordCheckLimit(userId: string): Promise<void> {
  await enforceRateLimit(PASSWORD_CHECK_PER_USER, userId, "rate_limited:auth");
}
