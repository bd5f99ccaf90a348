import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_FAILURES, CLIENT_FAILURES, enforceSignUpLimit } from "@/lib/server/services/auth/limits";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { signInWithPassword, type SignInOutcome } from "@/lib/server/services/auth/sign-in";
import { resetEnvCache } from "@/lib/server/infra/env";
import { PEER_ADDRESS_HEADER } from "@/lib/server/infra/http/client-address";
import { createUser } from "@/models/users";
import { useAppDatabase } from "../../helpers/app-db";

useAppDatabase();
let counter = 0;

beforeAll(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789";
  resetEnvCache();
});

async function newAccount() {
  counter += 1;
  const name = `limits_${counter}_${Math.random().toString(36).slice(2, 7)}`;
  await createUser(registerSchema.parse({ username: name, email: `${name}@example.com`, password: "right-password" }));
  return { username: name, email: `${name}@example.com`, password: "right-password" };
}

/** A request as the server sees it: its socket address (stamped by the start-up hook) and any headers a client chose. */
function from(peer: string, extra: Record<string, string> = {}, deviceCookie?: string) {
  return { headers: new Headers({ [PEER_ADDRESS_HEADER]: peer, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0", ...extra }), deviceCookie };
}

function waitOf(outcome: SignInOutcome): number {
  return outcome.ok || outcome.reason !== "rate_limited" ? 0 : outcome.retryAfterSeconds;
}

describe("sign-in limits", () => {
  it("limits by account: the email and the username share one budget", async () => {
    const account = await newAccount();
    for (let i = 0; i < ACCOUNT_FAILURES.freeFailures; i += 1) {
      const identifier = i % 2 === 0 ? account.username : account.email.toUpperCase();
      expect(await signInWithPassword({ identifier, password: "wrong" }, from(`10.1.0.${i}`))).toMatchObject({ ok: false, reason: "invalid" });
    }
    // One more failure, by email, from yet another address: the account now has to wait.
    const imposed = await signInWithPassword({ identifier: account.email, password: "wrong" }, from("10.1.0.99"));
    expect(waitOf(imposed)).toBe(ACCOUNT_FAILURES.baseDelayS);
    // The right password by username is refused too, with the true remaining wait.
    const refused = await signInWithPassword({ identifier: account.username, password: account.password }, from("10.1.0.100"));
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(waitOf(refused)).toBeGreaterThan(0);
    expect(waitOf(refused)).toBeLessThanOrEqual(ACCOUNT_FAILURES.baseDelayS);
  });

  it("lets the owner's known device in while failures from elsewhere lock the account", async () => {
    const account = await newAccount();
    const first = await signInWithPassword({ identifier: account.username, password: account.password }, from("192.0.2.10"));
    expect(first.ok).toBe(true);
    const deviceCookie = first.ok ? first.deviceCookie : "";

    for (let i = 0; i < ACCOUNT_FAILURES.freeFailures + 3; i += 1) {
      await signInWithPassword({ identifier: account.email, password: `guess-${i}` }, from(`198.51.100.${i}`));
    }
    // A new device is made to wait; the owner's device, with its cookie, is not.
    expect(await signInWithPassword({ identifier: account.username, password: account.password }, from("203.0.113.5"))).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await signInWithPassword({ identifier: account.username, password: account.password }, from("192.0.2.10", {}, deviceCookie))).toMatchObject({ ok: true });
    // A forged or another account's device cookie counts for nothing.
    const other = await newAccount();
    expect(await signInWithPassword({ identifier: account.username, password: account.password }, from("192.0.2.10", {}, `${deviceCookie}x`))).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await signInWithPassword({ identifier: other.username, password: other.password }, from("192.0.2.10", {}, deviceCookie))).toMatchObject({ ok: true });
  });

  it("keys the client on the socket address: a rotating X-Forwarded-For resets nothing", async () => {
    const peer = "172.16.5.5";
    let wait = 0;
    for (let i = 0; i <= CLIENT_FAILURES.freeFailures && wait === 0; i += 1) {
      // A different unknown name each time, so only the per-client budget can stop this.
      const outcome = await signInWithPassword({ identifier: `nobody_${counter}_${i}`, password: "x" }, from(peer, { "x-forwarded-for": `1.2.3.${i}` }));
      wait = waitOf(outcome);
    }
    expect(wait).toBeGreaterThan(0);
    const account = await newAccount();
    const rotated = await signInWithPassword(
      { identifier: account.username, password: account.password },
      from(peer, { "x-forwarded-for": "9.9.9.9", "x-real-ip": "9.9.9.9" }),
    );
    expect(rotated).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("an unknown name costs a password check and reads like a wrong password", async () => {
    expect(await signInWithPassword({ identifier: "no_such_user_here", password: "x" }, from("10.9.9.9"))).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ identifier: { $gt: "" }, password: "x" }, from("10.9.9.9"))).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sign-up limit", () => {
  it("allows SIGN_UP_LIMIT_PER_HOUR (default 5) per client address, and a rotating header does not help", async () => {
    for (let i = 0; i < 5; i += 1) await enforceSignUpLimit("10.50.0.1");
    await expect(enforceSignUpLimit("10.50.0.1")).rejects.toMatchObject({ code: "rate_limited:auth", status: 429 });
    await expect(enforceSignUpLimit("10.50.0.2")).resolves.toBeUndefined();
  });
});
