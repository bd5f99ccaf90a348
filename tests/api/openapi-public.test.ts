/**
 * /api/v1/openapi.json is public: a caller with no session and no token gets the document (the
 * proxy lets it through, tests/unit/route-protection.test.ts; e2e/api.spec.ts checks the real
 * server), cacheable and with an ETag, and it holds no user data.
 */
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();

describe("GET /api/v1/openapi.json without a session or token", () => {
  it("is 200 with the document, public and cacheable, and the same for a signed-in caller", async () => {
    const me = await makeApiUser();
    const anonymous = await call("GET", "/api/v1/openapi.json");
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("content-type")).toMatch(/^application\/json/);
    expect(anonymous.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const etag = anonymous.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const text = await anonymous.text();
    expect((JSON.parse(text) as { openapi: string }).openapi).toBe("3.1.0");

    const signedIn = await call("GET", "/api/v1/openapi.json", { as: { session: me.user } });
    expect(await signedIn.text()).toBe(text);
    expect(text).not.toContain(me.user.id);
    expect(text).not.toContain(me.user.username);
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const etag = (await call("GET", "/api/v1/openapi.json")).headers.get("etag")!;
    const again = await call("GET", "/api/v1/openapi.json", { headers: { "if-none-match": etag }, unchecked: true });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await call("GET", "/api/v1/openapi.json", { headers: { "if-none-match": '"other"' } })).status).toBe(200);
  });
});
