import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, SESSION_TOKEN_REISSUE_S } from "@/lib/server/services/auth/session-token";

const secret = "unit-test-secret-0123456789abcdef0123456789";
const salt = "authjs.session-token";

afterEach(() => vi.useRealTimers());

async function issued(payload: Record<string, unknown> = { sub: "u1", sid: "s".repeat(43) }): Promise<string> {
  return encodeSessionToken({ token: payload, secret, salt, maxAge: 3600 * 24 });
}

describe("session token codec", () => {
  it("decodes what next-auth's own codec encodes, and next-auth decodes what it encodes", async () => {
    const token = await issued();
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ sub: "u1" });
    const plain = await encode({ token: { sub: "u2" }, secret, salt });
    expect(await decodeSessionToken({ token: plain, secret, salt })).toMatchObject({ sub: "u2" });
    expect(await decode({ token, secret, salt })).toMatchObject({ sub: "u1" });
  });

  it("hands back the same token when an unchanged, recent payload is re-encoded", async () => {
    const token = await issued();
    const payload = await decodeSessionToken({ token, secret, salt });
    expect(await encodeSessionToken({ token: payload!, secret, salt })).toBe(token);
  });

  it("re-issues a token when the payload changed", async () => {
    const token = await issued();
    const payload = await decodeSessionToken({ token, secret, salt });
    const next = await encodeSessionToken({ token: { ...payload!, name: "renamed" }, secret, salt });
    expect(next).not.toBe(token);
    expect(await decodeSessionToken({ token: next, secret, salt })).toMatchObject({ name: "renamed" });
  });

  it("re-issues a token older than the re-issue interval, with a later expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await issued();
    const first = await decodeSessionToken({ token, secret, salt });
    vi.setSystemTime(Date.now() + (SESSION_TOKEN_REISSUE_S + 1) * 1000);
    const next = await encodeSessionToken({ token: first!, secret, salt, maxAge: 3600 * 24 });
    expect(next).not.toBe(token);
    expect((await decodeSessionToken({ token: next, secret, salt }))!.exp).toBeGreaterThan(first!.exp as number);
  });

  it("refuses a tampered token, a token under another secret or salt, and an expired one", async () => {
    const token = await issued();
    await decodeSessionToken({ token, secret, salt });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret: `${secret}-other`, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3600 * 24 * 1000 + 60_000);
    // As next-auth's own codec does: an expired token is an error, which next-auth reads as signed out.
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow(/"exp"/);
  });

  it("does not let a caller's change to a decoded payload leak into the next read", async () => {
    const token = await issued();
    const payload = await decodeSessionToken({ token, secret, salt });
    payload!.sub = "someone-else";
    expect((await decodeSessionToken({ token, secret, salt }))!.sub).toBe("u1");
  });
});
