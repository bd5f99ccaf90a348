/**
 * OWASP's "device cookie" against account lockout: after a successful sign-in the browser gets a
 * signed cookie naming the account and a random device id. A later sign-in attempt for that
 * account carrying it is limited by the device's own failures, not the account's — so failures
 * coming from elsewhere cannot lock the owner's known device out.
 */
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/server/infra/env";

export const DEVICE_COOKIE = "chatcraft-device";
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

function secret(): string {
  const value = getEnv().AUTH_SECRET ?? getEnv().NEXTAUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set; device cookies cannot be signed.");
  return value;
}

function signature(payload: string): string {
  return createHmac("sha256", `${secret()}:device-cookie`).update(payload).digest("base64url");
}

export function issueDeviceCookie(userId: string): string {
  const payload = `${userId}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${signature(payload)}`;
}

/** The device id when `value` is a genuine device cookie for `userId`, else null. */
export function deviceIdFor(value: string | undefined, userId: string): string | null {
  if (!value || value.length > 200) return null;
  const [owner, deviceId, given, ...rest] = value.split(".");
  if (rest.length > 0 || owner !== userId || !deviceId || !given) return null;
  const expected = Buffer.from(signature(`${owner}.${deviceId}`));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? deviceId : null;
}
