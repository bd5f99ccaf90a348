/**
 * One sign-in attempt from the network: validate, find the account, apply the limits
 * (lib/server/services/auth/limits.ts), check the password, and on success open a server-side session. Plain
 * function (no next-auth, no cookies API) so the whole policy is tested through the database.
 */
import "server-only";
import { deviceIdFor, issueDeviceCookie } from "@/lib/server/services/auth/device-cookie";
import { deviceName } from "@/lib/server/services/auth/device-name";
import { passwordMatches } from "@/lib/server/services/auth/credentials";
import { countRateLimitRefusal } from "@/lib/server/infra/metrics";
import { accountKey, recordSignInFailure, recordSignInSuccess, signInWait, type SignInSubject } from "@/lib/server/services/auth/limits";
import { signInSchema } from "@/lib/shared/auth/schemas";
import { clientAddress } from "@/lib/server/infra/http/client-address";
import { createSession } from "@/models/sessions";
import { findUserForSignIn, recordSignIn, toPublicUser, type PublicUser } from "@/models/users";

export interface SignInRequest {
  headers: Headers;
  /** The device cookie's value, when the browser sent one. */
  deviceCookie?: string;
}

export type SignInOutcome =
  | { ok: true; user: PublicUser; sessionId: string; deviceCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function signInWithPassword(input: unknown, request: SignInRequest): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { identifier, password } = parsed.data;

  const user = await findUserForSignIn(identifier);
  const userId = user?._id.toHexString() ?? null;
  const subject: SignInSubject = {
    account: accountKey(userId, identifier),
    client: clientAddress(request.headers),
    deviceId: userId ? deviceIdFor(request.deviceCookie, userId) : null,
  };

  const wait = await signInWait(subject);
  if (wait > 0) {
    countRateLimitRefusal("auth:signin");
    return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };
  }

  // Always one bcrypt comparison, so an unknown name answers as slowly as a wrong password.
  const matches = await passwordMatches(user, password);
  if (!user || !matches) {
    const imposed = await recordSignInFailure(subject);
    return imposed > 0 ? { ok: false, reason: "rate_limited", retryAfterSeconds: imposed } : { ok: false, reason: "invalid" };
  }

  await recordSignInSuccess(subject);
  const at = new Date();
  await recordSignIn(user._id, at);
  const sessionId = await createSession(user._id, deviceName(request.headers.get("user-agent")), at);
  return { ok: true, user: toPublicUser({ ...user, lastLogin: at }), sessionId, deviceCookie: issueDeviceCookie(userId!) };
}
