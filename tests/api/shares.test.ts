/**
 * The share-link API through its route handlers: create (a snapshot, details hidden unless
 * named, an Idempotency-Key retry creates nothing new), list, read, update (PATCH keeps what it
 * does not name and re-snapshots under the same URL), revoke (the link is gone at once); bad
 * bodies are 400 problem+json with the field named; another user's link or conversation is 404.
 */
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { openSharedConversation } from "@/lib/server/services/sharing/share-service";
import type { ShareLink } from "@/lib/shared/sharing/dto";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();

const INCOME = "100k–200k";
const DETAILS = { age: 41, income_range: INCOME, goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Portugal" };

let alice: ApiUser;
let mallory: ApiUser;
let conversationId: string;
let firstReplyId: string;

async function say(sender: "user" | "ai", message: string): Promise<string> {
  return (await insertMessage(alice.owner, ObjectId.createFromHexString(conversationId), { sender, message, status: "complete" }))._id.toHexString();
}

async function share(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<ShareLink> {
  const response = await call("POST", "/api/v1/shares", { as: { token: alice.token }, body: { conversationId, ...body }, headers });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ShareLink;
}

async function problemOf(response: Response): Promise<{ status: number; code: string; errors?: Record<string, string[]> }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return { status: response.status, ...((await response.json()) as { code: string; errors?: Record<string, string[]> }) };
}

beforeAll(async () => {
  alice = await makeApiUser("alice");
  mallory = await makeApiUser("mallory");
  const created = await call("POST", "/api/v1/conversations", { as: { token: alice.token }, body: { roleId: "financial-advisor", details: DETAILS } });
  conversationId = ((await created.json()) as { id: string }).id;
  await say("user", "How much should I save?");
  firstReplyId = await say("ai", `With an income of ${INCOME} in Portugal, about a fifth.`);
});

describe("create, list, read", () => {
  it("POST makes a snapshot with every detail hidden; the visitor's view never holds them", async () => {
    const link = await share({ displayName: "Ali", expiresIn: "7" });
    expect(link).toMatchObject({ conversationId, visibleFields: [], displayName: "Ali", expiresIn: "7", messageCount: 2, views: 0, revokedAt: null });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Date.parse(link.expiresAt!) - Date.parse(link.createdAt)).toBe(7 * 24 * 3600 * 1000);
    const view = await openSharedConversation(link.token);
    expect(JSON.stringify(view)).not.toContain(INCOME);
    expect(JSON.stringify(view)).not.toContain("Portugal");
    expect(view?.messages.at(-1)?.message).toBe("With an income of [hidden] in [hidden], about a fifth.");
    expect(view?.displayName).toBe("Ali");
  });

  it("an Idempotency-Key retry answers the first link and creates no second one", async () => {
    const headers = { "idempotency-key": `share-${Date.now()}` };
    const first = await share({ visibleFields: ["country"] }, headers);
    const again = await share({ visibleFields: ["country"] }, headers);
    expect(again.id).toBe(first.id);
    const list = (await (await call("GET", "/api/v1/shares", { as: { token: alice.readToken } })).json()) as { items: ShareLink[] };
    expect(list.items.filter((item) => item.id === first.id)).toHaveLength(1);
  });

  it("GET lists the caller's links newest first and reads one by id", async () => {
    const link = await share({});
    const list = (await (await call("GET", "/api/v1/shares", { as: { token: alice.readToken } })).json()) as { items: ShareLink[] };
    expect(list.items[0]?.id).toBe(link.id);
    const read = await call("GET", `/api/v1/shares/${link.id}`, { as: { token: alice.readToken } });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(link);
  });
});

describe("update and revoke", () => {
  it("PATCH re-snapshots under the same URL, changes only what it names, and null shares the whole conversation again", async () => {
    const link = await share({ upToMessageId: firstReplyId, displayName: "Ali" });
    await openSharedConversation(link.token);
    await say("user", "A later question");
    const patched = await call("PATCH", `/api/v1/shares/${link.id}`, { as: { token: alice.token }, body: { visibleFields: ["age"] } });
    expect(patched.status).toBe(200);
    const updated = (await patched.json()) as ShareLink;
    expect(updated).toMatchObject({ id: link.id, token: link.token, visibleFields: ["age"], displayName: "Ali", upToMessageId: firstReplyId, views: 1 });
    expect((await openSharedConversation(link.token))?.details).toEqual([{ label: "Age", value: "41" }]);
    const whole = (await (await call("PATCH", `/api/v1/shares/${link.id}`, { as: { token: alice.token }, body: { upToMessageId: null } })).json()) as ShareLink;
    expect(whole.upToMessageId).toBeNull();
    expect((await openSharedConversation(link.token))?.messages.at(-1)?.message).toBe("A later question");
  });

  it("DELETE revokes at once; the link is then 404 to update or revoke, and listed as revoked", async () => {
    const link = await share({});
    expect((await call("DELETE", `/api/v1/shares/${link.id}`, { as: { token: alice.token } })).status).toBe(204);
    expect(await openSharedConversation(link.token)).toBeNull();
    expect((await problemOf(await call("DELETE", `/api/v1/shares/${link.id}`, { as: { token: alice.token } }))).code).toBe("not_found:share");
    expect((await problemOf(await call("PATCH", `/api/v1/shares/${link.id}`, { as: { token: alice.token }, body: {} }))).status).toBe(404);
    const read = (await (await call("GET", `/api/v1/shares/${link.id}`, { as: { token: alice.token } })).json()) as ShareLink;
    expect(read.revokedAt).not.toBeNull();
  });
});

describe("bad input and ownership", () => {
  it("bad bodies are 400 with the field named; a message of another conversation is refused", async () => {
    const notArray = await call("POST", "/api/v1/shares", { as: { token: alice.token }, body: { conversationId, visibleFields: "age" } });
    expect(await problemOf(notArray)).toMatchObject({ status: 400, errors: { visibleFields: expect.any(Array) } });
    const badExpiry = await call("POST", "/api/v1/shares", { as: { token: alice.token }, body: { conversationId, expiresIn: "365" } });
    expect(await problemOf(badExpiry)).toMatchObject({ status: 400, errors: { expiresIn: ["Choose when the link expires."] } });
    const noConversation = await call("POST", "/api/v1/shares", { as: { token: alice.token }, body: {} });
    expect((await problemOf(noConversation)).errors?.conversationId).toBeDefined();
    const other = await call("POST", "/api/v1/conversations", { as: { token: alice.token }, body: { roleId: "financial-advisor", details: DETAILS } });
    const otherId = ((await other.json()) as { id: string }).id;
    const wrongMessage = await call("POST", "/api/v1/shares", { as: { token: alice.token }, body: { conversationId: otherId, upToMessageId: firstReplyId } });
    expect(await problemOf(wrongMessage)).toMatchObject({ status: 400, code: "invalid:share", errors: { upToMessageId: ["Choose a message of this conversation."] } });
    const link = await share({});
    const badPatch = await call("PATCH", `/api/v1/shares/${link.id}`, { as: { token: alice.token }, body: { displayName: "x".repeat(61) } });
    expect((await problemOf(badPatch)).errors?.displayName).toEqual(["A display name can be at most 60 characters."]);
    expect((await call("GET", "/api/v1/shares/not-an-id", { as: { token: alice.token } })).status).toBe(404);
  });

  it("another user's link and conversation are 404 and unchanged; their list is their own; a read-only token cannot create", async () => {
    const link = await share({});
    const as = { token: mallory.token };
    for (const [method, body] of [["GET"], ["PATCH", { visibleFields: ["income_range"] }], ["DELETE"]] as const) {
      expect((await problemOf(await call(method, `/api/v1/shares/${link.id}`, { as, body }))).code).toBe("not_found:share");
    }
    const theirs = await call("POST", "/api/v1/shares", { as, body: { conversationId, visibleFields: ["income_range"] } });
    expect((await problemOf(theirs)).code).toBe("not_found:conversation");
    expect(((await (await call("GET", "/api/v1/shares", { as })).json()) as { items: unknown[] }).items).toEqual([]);
    const view = await openSharedConversation(link.token);
    expect(view).not.toBeNull();
    expect(JSON.stringify(view)).not.toContain(INCOME);
    const readOnly = await call("POST", "/api/v1/shares", { as: { token: alice.readToken }, body: { conversationId } });
    expect((await problemOf(readOnly)).status).toBe(403);
  });
});
