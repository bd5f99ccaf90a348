/**
 * Personal API tokens end to end: made as Settings makes them, used through the route handlers,
 * refused the same way when unknown, expired or revoked, limited per token, and never shown as
 * a hash.
 */
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createApiToken, listTokens, revokeToken, verifyToken } from "@/lib/server/services/api/tokens";
import { resetEnvCache } from "@/lib/server/infra/env";
import { useAppDatabase } from "../helpers/app-db";
import { makeUser } from "../integration/chat/fixtures";
import { call } from "./client";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

function problemShape(body: Record<string, unknown>) {
  const { requestId: _requestId, ...rest } = body;
  void _requestId;
  return rest;
}

describe("creating a token", () => {
  it("returns a cc_ token once and stores only its sha-256", async () => {
    const { owner } = await makeUser();
    const created = await createApiToken(owner, { name: "CI script", scope: "read", expiresInDays: "30" });
    expect(created.token).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(created.info).toMatchObject({ name: "CI script", scope: "read", prefix: created.token.slice(0, 11), lastUsedAt: null });
    const stored = await test.db().collection("apiTokens").findOne({ userId: owner });
    expect(stored?.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(JSON.stringify(await listTokens(owner))).not.toContain(stored?.tokenHash);
    expect(new Date(created.info.expiresAt ?? 0).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
  });

  it("refuses a missing name and an unknown scope with field messages", async () => {
    const { owner } = await makeUser();
    await expect(createApiToken(owner, { name: " ", scope: "admin" })).rejects.toMatchObject({
      code: "invalid:input",
      fields: { name: ["Name the token."], scope: ["Choose read or read-write."] },
    });
  });
});

describe("using a token", () => {
  it("authenticates /me as the owner and says how", async () => {
    const { owner, user } = await makeUser();
    const { token } = await createApiToken(owner, { name: "t", scope: "read" });
    const response = await call("GET", "/api/v1/me", { as: { token } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: user.id, username: user.username, auth: { method: "token", scope: "read" } });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|tokenHash/);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const { owner } = await makeUser();
    const { token, info } = await createApiToken(owner, { name: "t", scope: "read", expiresInDays: "never" });
    const first = new Date("2030-01-01T00:00:00Z");
    await verifyToken(token, first);
    await verifyToken(token, new Date(first.getTime() + 30_000));
    const lastUsed = async () => (await listTokens(owner)).find((t) => t.id === info.id)?.lastUsedAt;
    expect(await lastUsed()).toBe(first.toISOString());
    const later = new Date(first.getTime() + 61_000);
    await verifyToken(token, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("a read token reads but may not write (403 about the token)", async () => {
    const { owner } = await makeUser();
    const { token } = await createApiToken(owner, { name: "t", scope: "read" });
    expect((await call("GET", "/api/v1/conversations", { as: { token } })).status).toBe(200);
    const refused = await call("POST", "/api/v1/conversations", { as: { token }, body: { roleId: "tutor", details: {} } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden:scope" });
    expect(await test.db().collection("conversations").countDocuments({ userId: owner })).toBe(0);
  });

  it("a Bearer header is judged alone, even beside a valid session", async () => {
    const { user } = await makeUser();
    const response = await call("GET", "/api/v1/me", { as: { session: user }, headers: { authorization: "Bearer cc_not-a-token" } });
    expect(response.status).toBe(401);
  });

  it("the session cookie works without a token, with read-write", async () => {
    const { user } = await makeUser();
    const response = await call("GET", "/api/v1/me", { as: { session: user } });
    expect(await response.json()).toMatchObject({ id: user.id, auth: { method: "session", scope: "read-write" } });
  });
});

describe("refusing a token", () => {
  it("answers unknown, malformed, expired and revoked tokens with the same 401", async () => {
    const { owner } = await makeUser();
    const expired = await createApiToken(owner, { name: "old", scope: "read" });
    await test.db().collection("apiTokens").updateOne({ prefix: expired.info.prefix }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createApiToken(owner, { name: "gone", scope: "read" });
    await revokeToken(owner, revoked.info.id);

    const headers = [`Bearer ${expired.token}`, `Bearer ${revoked.token}`, "Bearer cc_unknown", "Bearer", "Basic dXNlcjpwYXNz", `Bearer ${"x".repeat(5000)}`];
    const bodies = [];
    for (const authorization of headers) {
      const response = await call("GET", "/api/v1/me", { headers: { authorization } });
      expect(response.status, authorization.slice(0, 20)).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/application\/problem\+json/);
      bodies.push(problemShape((await response.json()) as Record<string, unknown>));
    }
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ code: "unauthorized:token" });
  });

  it("a token of a deleted account no longer works", async () => {
    const { owner } = await makeUser();
    const { token } = await createApiToken(owner, { name: "t", scope: "read" });
    await test.db().collection("users").deleteOne({ _id: owner });
    expect((await call("GET", "/api/v1/me", { as: { token } })).status).toBe(401);
  });

  it("revoking another user's token is not found, and leaves it working", async () => {
    const mine = await makeUser();
    const theirs = await makeUser();
    const { token, info } = await createApiToken(theirs.owner, { name: "t", scope: "read" });
    await expect(revokeToken(mine.owner, info.id)).rejects.toMatchObject({ code: "not_found:token" });
    expect((await call("GET", "/api/v1/me", { as: { token } })).status).toBe(200);
  });
});

describe("per-token rate limit", () => {
  it("sends RateLimit-* headers and a 429 with Retry-After past the limit", async () => {
    process.env.API_TOKEN_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const { owner } = await makeUser();
      const { token } = await createApiToken(owner, { name: "t", scope: "read" });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await call("GET", "/api/v1/me", { as: { token } });
        statuses.push(last.status);
        if (i === 0) expect(last.headers.get("ratelimit-remaining")).toBe("2");
      }
      // A minute boundary between calls restarts the window; then the 4th call is allowed.
      if (statuses[3] === 200) return;
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last?.headers.get("ratelimit-limit")).toBe("3");
      expect(last?.headers.get("ratelimit-remaining")).toBe("0");
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await last?.json()).toMatchObject({ code: "rate_limited:token" });
    } finally {
      delete process.env.API_TOKEN_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});
