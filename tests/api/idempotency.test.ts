/**
 * Idempotency-Key on creating POSTs: a retry gets the first answer and creates nothing, even when
 * the two requests race; another body under the same key is 422; a failed request frees its key.
 */
import { ObjectId } from "mongodb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { hangAfter, reply, sharedModel } from "../integration/chat/fixtures";
import { call, parseSse } from "./client";
import { makeApiUser, makeConversation } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

const test = useAppDatabase();

beforeEach(() => {
  sharedModel.calls.length = 0;
  sharedModel.next.length = 0;
});

const guide = { roleId: "chatcraft-guide", details: { chatcraft_experience: "First visit" } };
const messagesOf = (conversationId: string) => test.db().collection("messages").countDocuments({ conversationId: new ObjectId(conversationId) });

describe("creating a conversation with an Idempotency-Key", () => {
  it("a retry returns the first conversation and creates no second one", async () => {
    const me = await makeApiUser();
    const headers = { "idempotency-key": "create-1" };
    const first = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: guide, headers });
    // Same body with keys in another order is the same request.
    const retry = await call("POST", "/api/v1/conversations", {
      as: { token: me.token },
      rawBody: JSON.stringify({ details: guide.details, roleId: guide.roleId }),
      headers,
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    expect(await test.db().collection("conversations").countDocuments({ userId: me.owner })).toBe(1);
  });

  it("five identical requests in parallel create one conversation", async () => {
    const me = await makeApiUser();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => call("POST", "/api/v1/conversations", { as: { token: me.token }, body: guide, headers: { "idempotency-key": "race" } })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    expect(await test.db().collection("conversations").countDocuments({ userId: me.owner })).toBe(1);
  });

  it("the same key with another body is 422, and creates nothing", async () => {
    const me = await makeApiUser();
    const headers = { "idempotency-key": "reused" };
    expect((await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: guide, headers })).status).toBe(201);
    const other = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: { ...guide, details: { chatcraft_experience: "Regular user" } }, headers });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: "unprocessable:idempotency_key" });
    expect(await test.db().collection("conversations").countDocuments({ userId: me.owner })).toBe(1);
  });

  it("keys are per user: another user's same key creates their own conversation", async () => {
    const a = await makeApiUser();
    const b = await makeApiUser();
    const headers = { "idempotency-key": "shared-key" };
    const first = (await (await call("POST", "/api/v1/conversations", { as: { token: a.token }, body: guide, headers })).json()) as { id: string };
    const second = (await (await call("POST", "/api/v1/conversations", { as: { token: b.token }, body: guide, headers })).json()) as { id: string };
    expect(second.id).not.toBe(first.id);
  });

  it("a refused request frees its key: the retry is judged again, not replayed", async () => {
    const me = await makeApiUser();
    const headers = { "idempotency-key": "bad-details" };
    // Tech support's device and product are required and have no default.
    const body = { roleId: "tech-support", details: {} };
    expect((await call("POST", "/api/v1/conversations", { as: { token: me.token }, body, headers })).status).toBe(400);
    const retry = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body, headers });
    expect(retry.status).toBe(400);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a malformed key is a 400", async () => {
    const me = await makeApiUser();
    const response = await call("POST", "/api/v1/conversations", { as: { token: me.token }, body: guide, headers: { "idempotency-key": "has space" } });
    expect(response.status).toBe(400);
  });
});

describe("sending a message with an Idempotency-Key", () => {
  it("two identical sends in parallel make one user message and one reply", async () => {
    const me = await makeApiUser();
    const id = await makeConversation(me);
    sharedModel.next.push(reply("Only ", "once."));
    const send = () =>
      call("POST", `/api/v1/conversations/${id}/messages`, { as: { token: me.token }, body: { text: "Hi", stream: false }, headers: { "idempotency-key": "send-1" } });
    const responses = await Promise.all([send(), send()]);
    const statuses = responses.map((response) => response.status).sort();
    expect([[200, 200], [200, 409]]).toContainEqual(statuses);
    expect(await messagesOf(id)).toBe(2);
    expect(sharedModel.calls).toHaveLength(1);
    // Once finished, a retry gets the saved messages.
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ user: { message: "Hi" }, reply: { message: "Only once.", status: "complete" } });
    expect(await messagesOf(id)).toBe(2);
  });

  it("a streamed send retried after it finished replays the saved messages as events", async () => {
    const me = await makeApiUser();
    const id = await makeConversation(me);
    sharedModel.next.push(reply("Streamed ", "answer."));
    const send = () => call("POST", `/api/v1/conversations/${id}/messages`, { as: { token: me.token }, body: { text: "Stream it" }, headers: { "idempotency-key": "stream-1" } });
    const first = parseSse(await (await send()).text());
    const retried = await send();
    expect(retried.headers.get("content-type")).toMatch(/text\/event-stream/);
    const replay = parseSse(await retried.text());
    expect(replay.map((frame) => frame.event)).toEqual(["user", "text", "done"]);
    expect(replay[0]?.data).toEqual(first[0]?.data);
    expect(replay.at(-1)?.data).toEqual(first.at(-1)?.data);
    expect(replay[1]?.data).toEqual({ text: "Streamed answer." });
    expect(await messagesOf(id)).toBe(2);
    expect(sharedModel.calls).toHaveLength(1);
  });

  it("a retry while the first reply is still streaming is 409, and sends nothing", async () => {
    const me = await makeApiUser();
    const id = await makeConversation(me);
    const aborter = new AbortController();
    let waiting!: () => void;
    const started = new Promise<void>((resolve) => (waiting = resolve));
    sharedModel.next.push(hangAfter(["Thinking"], () => waiting()));
    const headers = { "idempotency-key": "slow" };
    const first = await call("POST", `/api/v1/conversations/${id}/messages`, { as: { token: me.token }, body: { text: "Slow" }, headers, signal: aborter.signal });
    const reading = first.text().catch(() => "");
    await started;
    const retry = await call("POST", `/api/v1/conversations/${id}/messages`, { as: { token: me.token }, body: { text: "Slow" }, headers });
    expect(retry.status).toBe(409);
    expect(retry.headers.get("retry-after")).toBe("1");
    aborter.abort();
    await reading;
    await vi.waitFor(async () => {
      const replay = await call("POST", `/api/v1/conversations/${id}/messages`, { as: { token: me.token }, body: { text: "Slow" }, headers });
      expect(replay.status).toBe(200);
      const frames = parseSse(await replay.text());
      expect(frames.at(-1)?.data).toMatchObject({ message: { status: "stopped", message: "Thinking" } });
    });
    expect(await messagesOf(id)).toBe(2);
  });
});

describe("the brief's save endpoint with an Idempotency-Key", () => {
  it("stores the exchange once", async () => {
    const me = await makeApiUser();
    const body = { userId: me.user.id, chatType: "navigation", message: "Where are settings?", response: "In the user menu." };
    const headers = { "idempotency-key": "save-1" };
    const [a, b] = await Promise.all([call("POST", "/api/chat/save", { as: { token: me.token }, body, headers }), call("POST", "/api/chat/save", { as: { token: me.token }, body, headers })]);
    expect([a.status, b.status]).toContain(201);
    expect(await test.db().collection("messages").countDocuments({ userId: me.owner })).toBe(2);
  });
});
