/**
 * GET /api/v1/conversations/{id}/export through the route handler: Markdown that a person can
 * read (title, role, dates, details, each message with author and time, code still fenced,
 * attachments listed), JSON that parses with the one schema, a safe attachment file name, and the
 * refusals (another user's id is 404, a bad format 400, both problem+json).
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { conversationExportSchema } from "@/lib/shared/export/conversation-export";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();

const DETAILS = { age: 41, income_range: "100k–200k", goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Portugal" };
const CODE_REPLY = "Try this:\n\n```ts\nconst total = save(100);\n```\n\nThen check.";

async function financialChat(user: ApiUser, title: string): Promise<string> {
  const response = await call("POST", "/api/v1/conversations", { as: { token: user.token }, body: { roleId: "financial-advisor", details: DETAILS } });
  expect(response.status).toBe(201);
  const id = ((await response.json()) as { id: string }).id;
  await call("PATCH", `/api/v1/conversations/${id}`, { as: { token: user.token }, body: { title } });
  const conversationId = ObjectId.createFromHexString(id);
  const file = { id: new ObjectId(), name: "payslip.pdf", mime: "application/pdf", size: 20480, hasThumbnail: false };
  await insertMessage(user.owner, conversationId, { sender: "user", message: "How much should I save?", status: "complete", attachments: [file] });
  await insertMessage(user.owner, conversationId, { sender: "ai", message: CODE_REPLY, status: "complete" });
  await insertMessage(user.owner, conversationId, { sender: "ai", message: "Unclosed:\n```\nlet x = 1;", status: "stopped" });
  return id;
}

describe("export one conversation", () => {
  it("as Markdown: title, role, dates, details, each message with its author and time, code fenced, attachments listed", async () => {
    const alice = await makeApiUser("alice");
    const id = await financialChat(alice, "Saving: a plan / 2027?");
    const response = await call("GET", `/api/v1/conversations/${id}/export?format=markdown`, { as: { token: alice.readToken } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chatcraft-saving-a-plan-2027-\d{4}-\d{2}-\d{2}\.md"$/);
    const text = await response.text();
    expect(text.startsWith("# Saving: a plan / 2027?\n")).toBe(true);
    expect(text).toContain("- Role: Financial Advisor");
    expect(text).toMatch(/- Started: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(text).toContain("- Yearly income (before tax): 100k–200k");
    expect(text).toMatch(/### You — \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n\nHow much should I save\?/);
    expect(text).toContain("- payslip.pdf (application/pdf, 20.0 KB)");
    expect(text).toMatch(/### Financial Advisor \(AI\) — [^\n]+\n\nTry this:\n\n```ts\nconst total = save\(100\);\n```/);
    // The stopped reply says so, and its unclosed fence is closed so it cannot swallow what follows.
    expect(text).toMatch(/\(stopped\)\n\nUnclosed:\n```\nlet x = 1;\n```\n/);
    expect(text.indexOf("How much")).toBeLessThan(text.indexOf("Try this"));
  });

  it("as JSON: chatcraft-conversation v1, parsed by its schema, with the details and every message oldest first", async () => {
    const alice = await makeApiUser("alice");
    const id = await financialChat(alice, "Ünïcode — ünd “quotes”");
    const response = await call("GET", `/api/v1/conversations/${id}/export?format=json`, { as: { token: alice.token } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chatcraft-unicode-und-quotes-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = conversationExportSchema.parse(await response.json());
    expect(exported.format).toBe("chatcraft-conversation");
    expect(exported.version).toBe(1);
    expect(exported.conversation).toMatchObject({ id, title: "Ünïcode — ünd “quotes”", role: { id: "financial-advisor", name: "Financial Advisor" } });
    expect(exported.conversation.details).toContainEqual({ key: "income_range", label: "Yearly income (before tax)", value: "100k–200k" });
    expect(exported.messages.map((message) => [message.sender, message.status])).toEqual([
      ["user", "complete"],
      ["ai", "complete"],
      ["ai", "stopped"],
    ]);
    expect(exported.messages[0]?.attachments).toEqual([{ name: "payslip.pdf", type: "application/pdf", size: 20480 }]);
    expect(exported.messages[1]?.message).toBe(CODE_REPLY);
  });

  it("an empty conversation exports too, and says it has no messages", async () => {
    const alice = await makeApiUser("alice");
    const response = await call("POST", "/api/v1/conversations", { as: { token: alice.token }, body: { roleId: "chatcraft-guide", details: {} } });
    const id = ((await response.json()) as { id: string }).id;
    const markdown = await (await call("GET", `/api/v1/conversations/${id}/export`, { as: { token: alice.token } })).text();
    expect(markdown).toContain("_No messages yet._");
    const json = conversationExportSchema.parse(await (await call("GET", `/api/v1/conversations/${id}/export?format=json`, { as: { token: alice.token } })).json());
    expect(json.messages).toEqual([]);
  });

  it("another user's conversation is 404, a malformed id 404, a bad format 400 — all problem+json", async () => {
    const alice = await makeApiUser("alice");
    const mallory = await makeApiUser("mallory");
    const id = await financialChat(alice, "Private");
    const theirs = await call("GET", `/api/v1/conversations/${id}/export?format=json`, { as: { token: mallory.token } });
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await theirs.text()).not.toContain("Portugal");
    expect((await call("GET", "/api/v1/conversations/not-an-id/export", { as: { token: alice.token } })).status).toBe(404);
    const bad = await call("GET", `/api/v1/conversations/${id}/export?format=pdf`, { as: { token: alice.token } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors?: Record<string, string[]> }).errors?.format).toEqual(["format must be markdown or json."]);
    expect((await call("GET", `/api/v1/conversations/${id}/export`, { as: null })).status).toBe(401);
  });
});
