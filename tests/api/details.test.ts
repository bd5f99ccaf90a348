/**
 * Details proposals and brief history through /api/v1, with the real @google/genai SDK against
 * the fake Gemini: the proposal on the reply message, apply and dismiss through the API, bad
 * input (problem+json, nothing changed), another user's message (404), and the brief's history
 * with a restore. Answers are checked against the OpenAPI document by `call`.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { useFakeGeminiApp } from "../helpers/fake-gemini-app";
import { call } from "./client";
import { makeApiUser, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();
const fake = useFakeGeminiApp("api-details-key");

const ADVISOR = { age: 40, income_range: "50k–100k", goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Germany" };

interface Proposed {
  conversationId: string;
  messageId: string;
  proposal: Record<string, unknown>;
}

async function proposed(me: ApiUser, args: Record<string, unknown> = { field: "age", value: 41, sentence: "I'm 41 now" }): Promise<Proposed> {
  const as = { token: me.token };
  const created = await call("POST", "/api/v1/conversations", { as, body: { roleId: "financial-advisor", details: ADVISOR } });
  const conversationId = ((await created.json()) as { id: string }).id;
  fake.script({ chunks: ["Noted."], functionCall: { name: "propose_details_update", args } });
  const reply = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as, body: { text: String(args.sentence), stream: false } });
  expect(reply.status).toBe(200);
  const messages = (await (await call("GET", `/api/v1/conversations/${conversationId}/messages?order=desc&limit=1`, { as })).json()) as { items: { id: string; proposal: Record<string, unknown> }[] };
  const [last] = messages.items;
  return { conversationId, messageId: last!.id, proposal: last!.proposal };
}

async function brief(me: ApiUser): Promise<Record<string, unknown>> {
  return ((await (await call("GET", "/api/v1/roles/financial-advisor/brief", { as: { token: me.token } })).json()) as { details: Record<string, unknown> }).details;
}

describe("details proposals in the API", () => {
  it("shows the proposal on the message, applies it once, and records it in the brief's history", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const { conversationId, messageId, proposal } = await proposed(me);
    expect(proposal).toEqual({ kind: "details", field: "age", label: "Age", from: 40, to: 41, sentence: "I'm 41 now", state: "proposed" });

    const applied = await call("POST", `/api/v1/messages/${messageId}/proposal`, { as, body: { action: "apply" } });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ state: "applied", details: { ...ADVISOR, age: 41 }, updatedRoles: ["financial-advisor"] });
    expect((await brief(me)).age).toBe(41);
    const again = await call("POST", `/api/v1/messages/${messageId}/proposal`, { as, body: { action: "apply" } });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toMatch(/application\/problem\+json/);

    const history = (await (await call("GET", "/api/v1/roles/financial-advisor/brief/history", { as })).json()) as { items: Record<string, unknown>[]; lastChatAt: string | null };
    expect(history.lastChatAt).not.toBeNull();
    expect(history.items).toEqual([
      expect.objectContaining({ field: "age", label: "Age", value: 41, previous: 40, source: "chat", conversationId, messageId }),
    ]);
  });

  it("restores the value a change replaced, as a new history entry", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const { messageId } = await proposed(me);
    await call("POST", `/api/v1/messages/${messageId}/proposal`, { as, body: { action: "apply" } });
    const [change] = ((await (await call("GET", "/api/v1/roles/financial-advisor/brief/history", { as })).json()) as { items: { id: string }[] }).items;
    const restored = await call("POST", "/api/v1/roles/financial-advisor/brief/restore", { as, body: { entryId: change!.id } });
    expect(restored.status).toBe(200);
    expect((await brief(me)).age).toBe(40);
    const history = (await (await call("GET", "/api/v1/roles/financial-advisor/brief/history", { as })).json()) as { items: Record<string, unknown>[] };
    expect(history.items.map((entry) => [entry.source, entry.value, entry.previous])).toEqual([
      ["restore", 40, 41],
      ["chat", 41, 40],
    ]);
    const missing = await call("POST", "/api/v1/roles/financial-advisor/brief/restore", { as, body: { entryId: new ObjectId().toHexString() } });
    expect(missing.status).toBe(404);
    expect((await call("POST", "/api/v1/roles/financial-advisor/brief/restore", { as, body: { entryId: "nope" } })).status).toBe(400);
  });

  it("dismisses, refuses bad bodies and roles not offered, and answers another user's message with 404 — changing nothing", async () => {
    const me = await makeApiUser();
    const other = await makeApiUser("other");
    const { messageId } = await proposed(me);
    const path = `/api/v1/messages/${messageId}/proposal`;
    for (const body of [{ action: "delete" }, { action: "apply", alsoRoles: "tech-support" }, { action: "apply", alsoRoles: ["x".repeat(50_000)] }]) {
      const refused = await call("POST", path, { as: { token: me.token }, body });
      expect(refused.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    const notOffered = await call("POST", path, { as: { token: me.token }, body: { action: "apply", alsoRoles: ["fitness-coach"] } });
    expect(notOffered.status).toBe(400);
    expect(((await notOffered.json()) as { detail: string }).detail).toContain("fitness-coach");
    for (const action of ["apply", "dismiss"]) {
      const foreign = await call("POST", path, { as: { token: other.token }, body: { action } });
      expect(foreign.status).toBe(404);
    }
    expect((await call("GET", "/api/v1/roles/financial-advisor/brief/history", { as: { token: other.token } })).status).toBe(200);
    expect((await brief(me)).age).toBe(40);
    const dismissed = await call("POST", path, { as: { token: me.token }, body: { action: "dismiss" } });
    expect(await dismissed.json()).toEqual({ state: "dismissed" });
    expect((await brief(me)).age).toBe(40);
  });

  it("never stores a proposal with a field the role lacks or a value out of range", async () => {
    const me = await makeApiUser();
    for (const args of [{ field: "salary", value: 1, sentence: "I earn 1" }, { field: "risk_tolerance", value: "Extreme", sentence: "I love risk" }]) {
      const { proposal } = await proposed(me, args);
      expect(proposal).toBeUndefined();
    }
    expect((await brief(me)).risk_tolerance).toBe("Medium");
  });

  it("records form edits as 'form' entries, only for the fields that changed", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    expect((await call("PUT", "/api/v1/roles/financial-advisor/brief", { as, body: { details: ADVISOR } })).status).toBe(200);
    expect((await call("PUT", "/api/v1/roles/financial-advisor/brief", { as, body: { details: { ...ADVISOR, country: "Portugal", goals: ["Retirement"] } } })).status).toBe(200);
    const bad = await call("PUT", "/api/v1/roles/financial-advisor/brief", { as, body: { details: { ...ADVISOR, age: 500 } } });
    expect(bad.status).toBe(400);
    const history = (await (await call("GET", "/api/v1/roles/financial-advisor/brief/history", { as })).json()) as { items: Record<string, unknown>[]; lastChatAt: string | null };
    expect(history.items.map(({ field, value, previous, source }) => ({ field, value, previous, source }))).toEqual([{ field: "country", value: "Portugal", previous: "Germany", source: "form" }]);
    expect(history.lastChatAt).toBeNull();
  });

  it("a custom role's history is 404 for another user", async () => {
    const me = await makeApiUser();
    const other = await makeApiUser("other");
    const created = await call("POST", "/api/v1/roles", { as: { token: me.token }, body: { name: "Mine", category: "X", instructions: "Y", fields: [{ key: "topic", label: "Topic", type: "text" }] } });
    const roleId = ((await created.json()) as { id: string }).id;
    expect((await call("GET", `/api/v1/roles/${roleId}/brief/history`, { as: { token: me.token } })).status).toBe(200);
    expect((await call("GET", `/api/v1/roles/${roleId}/brief/history`, { as: { token: other.token } })).status).toBe(404);
    expect((await call("POST", `/api/v1/roles/${roleId}/brief/restore`, { as: { token: other.token }, body: { entryId: new ObjectId().toHexString() } })).status).toBe(404);
  });
});
