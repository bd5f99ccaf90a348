/**
 * Bad input on every operation of the document: wrong types, operator objects ({"$gt": ""}),
 * malformed JSON, huge bodies, bad ids and bad query values. Every answer is a documented 4xx
 * problem+json (the contract check in the client enforces "documented"); never a 5xx.
 */
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { servedDocument } from "./contract";
import { makeApiUser, makeConversation, makeProject } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

useAppDatabase();

const BAD_IDS = ["not-an-id", encodeURIComponent('{"$gt":""}'), "zzzzzzzzzzzzzzzzzzzzzzzz", "%2e%2e%2fetc", "a".repeat(3000), "000000000000000000000000"];
const BAD_QUERIES = ["limit=abc", "limit=-1", "limit=1000", "limit=1.5", "cursor=%00%01garbage", `cursor=${"x".repeat(500)}`, "order=sideways", "format=xml", "chatType[$ne]=x", "chatType=gossip"];
const BAD_BODIES: { label: string; raw: string }[] = [
  { label: "operator object", raw: JSON.stringify({ $gt: "" }) },
  { label: "operators in fields", raw: JSON.stringify({ text: { $gt: "" }, roleId: { $ne: null }, title: { $regex: ".*" }, userId: { $gt: "" }, details: { $where: "1" }, name: { $gt: "" }, status: { $ne: "x" }, beforeId: { $gt: "" }, tasks: { $size: 1 } }) },
  { label: "wrong types", raw: JSON.stringify({ text: 5, stream: "yes", roleId: 7, details: "x", title: ["a"], fields: "x", chatType: 1, message: false, response: null }) },
  { label: "array", raw: "[]" },
  { label: "string", raw: '"hello"' },
  { label: "number", raw: "123" },
  { label: "null", raw: "null" },
  { label: "malformed JSON", raw: '{"text": ' },
  { label: "empty", raw: "" },
  { label: "huge", raw: JSON.stringify({ text: "x".repeat(1_100_000) }) },
  { label: "deep", raw: `${"[".repeat(5000)}${"]".repeat(5000)}` },
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? "x");
}

function expectClientError(response: Response, label: string): void {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  expect(response.headers.get("content-type"), label).toMatch(/application\/problem\+json/);
}

describe("fuzzing every operation", () => {
  it("answers bad ids, queries and bodies with 4xx problem+json", async () => {
    const me = await makeApiUser();
    const conversationId = await makeConversation(me);
    const { projectId, taskIds } = await makeProject(me);
    const as = { token: me.token };
    const document = await servedDocument();
    // Tech support has required details without defaults, so a body whose details hold only
    // operators (stripped as unknown keys) is refused; the Guide's one required field has a default.
    const good = { conversationId, roleId: "tech-support", userId: me.user.id, projectId, taskId: taskIds[0]! };
    let checked = 0;

    for (const [template, item] of Object.entries(document.paths)) {
      if (template === "/api/v1/openapi.json") continue;
      for (const method of Object.keys(item).map((m) => m.toUpperCase())) {
        const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
        if (template.includes("{")) {
          for (const bad of BAD_IDS) {
            const path = fill(template, { conversationId: bad, roleId: bad, userId: bad, projectId: bad, taskId: bad });
            const response = await call(method, path, { as, body: hasBody ? {} : undefined });
            expectClientError(response, `${method} ${path.slice(0, 80)}`);
            checked += 1;
          }
        }
        if (method === "GET" || method === "DELETE") {
          for (const query of BAD_QUERIES) {
            const path = `${fill(template, good)}?${query}`;
            const response = await call(method, path, { as });
            // A query parameter the operation does not take is ignored; it must still never be a 5xx.
            expect(response.status, `${method} ${path.slice(0, 80)}`).toBeLessThan(500);
            checked += 1;
          }
        }
        if (hasBody) {
          for (const { label, raw } of BAD_BODIES) {
            const response = await call(method, fill(template, good), { as, rawBody: raw });
            expectClientError(response, `${method} ${template} ${label}`);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  }, 120_000);

  it("bad query values on list operations are 400 with the parameter named", async () => {
    const me = await makeApiUser();
    const conversationId = await makeConversation(me);
    const as = { token: me.token };
    for (const path of ["/api/v1/conversations?limit=1000", "/api/v1/conversations?cursor=bogus", `/api/v1/conversations/${conversationId}/messages?order=up`, `/api/v1/conversations/${conversationId}/messages?cursor=bogus`, "/api/v1/me/export?format=xml"]) {
      const response = await call("GET", path, { as });
      expect(response.status, path).toBe(400);
      expect(Object.keys(((await response.json()) as { errors: object }).errors).length, path).toBeGreaterThan(0);
    }
  });
});
