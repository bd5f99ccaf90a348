/**
 * A required field with a declared default is pre-filled in the details form; through the API,
 * leaving it out means the same thing: the default applies. Required fields without a default are
 * still refused, and an explicit blank is still "required".
 */
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

describe("POST /api/v1/conversations with required details left out", () => {
  it("details: {} starts the ChatCraft Guide with its required field's default", async () => {
    const me = await makeApiUser();
    const response = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: { roleId: "chatcraft-guide", details: {} } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ roleId: "chatcraft-guide", details: { chatcraft_experience: "First visit" } });
    expect(await test.db().collection("briefs").findOne({ userId: me.owner })).toMatchObject({ details: { chatcraft_experience: "First visit" } });
  });

  it("no details at all is the same as details: {}", async () => {
    const me = await makeApiUser();
    const response = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: { roleId: "chatcraft-guide" } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ details: { chatcraft_experience: "First visit" } });
  });

  it("a value sent wins over the default; an explicit blank or a required field without a default is still refused", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const sent = await call("POST", "/api/v1/conversations", { as, body: { roleId: "chatcraft-guide", details: { chatcraft_experience: "Regular user" } } });
    expect(await sent.json()).toMatchObject({ details: { chatcraft_experience: "Regular user" } });

    const blank = await call("POST", "/api/v1/conversations", { as, body: { roleId: "chatcraft-guide", details: { chatcraft_experience: "" } } });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ code: "invalid:details", errors: { chatcraft_experience: expect.any(Array) } });

    // Tech support: device and product are required without a default; comfort level has one.
    const partial = await call("POST", "/api/v1/conversations", { as, body: { roleId: "tech-support", details: {} } });
    expect(partial.status).toBe(400);
    const problem = (await partial.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(problem.errors).sort()).toEqual(["device_os", "product"]);

    const full = await call("POST", "/api/v1/conversations", { as, body: { roleId: "tech-support", details: { device_os: "Pixel 8", product: "Gmail" } } });
    expect(full.status).toBe(201);
    const body = (await full.json()) as { details: Record<string, unknown> };
    expect(body.details).toEqual({ device_os: "Pixel 8", product: "Gmail", comfort_level: "Comfortable" });
  });
});
