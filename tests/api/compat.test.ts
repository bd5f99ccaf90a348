/**
 * The brief's endpoints answer exactly the brief's wire format: a client written from the brief
 * (tests/api/brief-client.ts) drives save → history → delete for both chat types through the real
 * route handlers. Chat types map to the ChatCraft Guide and the Project Planner; save appends to
 * the latest conversation (starting one when needed, with defaulted details); history reads it
 * back as ChatMessage exchanges, oldest first; delete clears only that chat type.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { toExchanges } from "@/lib/server/services/api/compat";
import { useAppDatabase } from "../helpers/app-db";
import { briefChatService, type BriefChatType } from "./brief-client";
import { call } from "./client";
import { makeApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

describe("the brief's chatService against /api/chat/save and /api/chat/history/:userId", () => {
  it.each<[BriefChatType, string]>([
    ["navigation", "chatcraft-guide"],
    ["project-planning", "project-planner"],
  ])("%s: save → history → delete, in the brief's shapes", async (chatType, roleId) => {
    const me = await makeApiUser();
    const chatService = briefChatService({ token: me.token });

    const first = await chatService.saveChatMessage(me.user.id, "Where do I start?", "With the goal.", chatType);
    expect(first).toMatchObject({ userId: me.user.id, chatType, message: "Where do I start?", response: "With the goal." });
    expect(Date.parse(first.updatedAt)).toBeGreaterThan(Date.parse(first.createdAt));
    const second = await chatService.saveChatMessage(me.user.id, "And then?", "Milestones.", chatType);
    expect(second.defaulted).toBeUndefined(); // the conversation exists now: nothing is started or defaulted

    const history = await chatService.getUserChatHistory(me.user.id, chatType);
    expect(history).toEqual([
      { _id: first._id, userId: me.user.id, message: "Where do I start?", response: "With the goal.", chatType, createdAt: first.createdAt, updatedAt: first.updatedAt },
      { _id: second._id, userId: me.user.id, message: "And then?", response: "Milestones.", chatType, createdAt: second.createdAt, updatedAt: second.updatedAt },
    ]);
    const conversation = await test.db().collection("conversations").findOne({ userId: me.owner });
    expect(conversation).toMatchObject({ roleId, messageCount: 4 });

    expect(await chatService.deleteUserChatHistory(me.user.id, chatType)).toEqual({ deletedCount: 2 });
    expect(await chatService.getUserChatHistory(me.user.id, chatType)).toEqual([]);
    expect(await chatService.deleteUserChatHistory(me.user.id, chatType)).toEqual({ deletedCount: 0 });
    expect(await test.db().collection("messages").countDocuments({ userId: me.owner })).toBe(0);
  });

  it("project-planning without details starts the Project Planner with its defaults, the goal from the message, and says so", async () => {
    const me = await makeApiUser();
    const saved = await briefChatService({ token: me.token }).saveChatMessage(me.user.id, "  Plan my   bakery launch ", "Step 1…", "project-planning");
    expect(saved.defaulted).toEqual({ project_goal: "Plan my bakery launch", team_size: 1, methodology: "No preference" });
    const conversation = await test.db().collection("conversations").findOne({ userId: me.owner });
    expect(conversation).toMatchObject({ roleId: "project-planner", details: { project_goal: "Plan my bakery launch", team_size: 1, methodology: "No preference" } });
  });

  it("a long first message becomes a goal cut at a word boundary within the field's 600 characters", async () => {
    const me = await makeApiUser();
    const message = "word ".repeat(200).trim(); // 999 characters
    const saved = await briefChatService({ token: me.token }).saveChatMessage(me.user.id, message, "ok", "project-planning");
    const goal = saved.defaulted?.project_goal as string;
    expect(goal.length).toBeLessThanOrEqual(600);
    expect(goal.endsWith("word")).toBe(true);
    expect(message.startsWith(goal)).toBe(true);
  });

  it("details the request sends win and are not reported as defaulted; invalid ones are still refused", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const body = { userId: me.user.id, chatType: "project-planning", message: "Plan my launch", response: "Step 1…" };
    const invalid = await call("POST", "/api/chat/save", { as, body: { ...body, details: { team_size: 0 } } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ success: false, code: "invalid:details", errors: { team_size: expect.any(Array) } });

    const ok = await call("POST", "/api/chat/save", { as, body: { ...body, details: { project_goal: "Launch the bakery site", team_size: 3 } } });
    expect(ok.status).toBe(201);
    const saved = (await ok.json()) as { data: { defaulted?: Record<string, unknown> } };
    expect(saved.data.defaulted).toEqual({ methodology: "No preference" });
    expect(await test.db().collection("conversations").findOne({ userId: me.owner })).toMatchObject({
      roleId: "project-planner",
      details: { project_goal: "Launch the bakery site", team_size: 3 },
    });
  });

  it("an empty history is success with an empty array", async () => {
    const me = await makeApiUser();
    const response = await call("GET", `/api/chat/history/${me.user.id}?chatType=project-planning`, { as: { token: me.token } });
    expect(await response.json()).toEqual({ success: true, data: [] });
  });

  it("an unknown chat type is a 400 with success: false", async () => {
    const me = await makeApiUser();
    const response = await call("GET", `/api/chat/history/${me.user.id}?chatType=gossip`, { as: { token: me.token } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ success: false, errors: { chatType: ["chatType must be navigation or project-planning."] } });
  });

  it("another user's id is a 404 problem with success: false", async () => {
    const me = await makeApiUser();
    const other = await makeApiUser("other");
    const response = await call("GET", `/api/chat/history/${other.user.id}?chatType=navigation`, { as: { token: me.token } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, code: "not_found:user" });
  });
});

describe("history of a conversation also used in the app", () => {
  const turn = (sender: "user" | "ai", message: string, at: number, kind: "message" | "notice" = "message") => ({
    _id: new ObjectId(),
    sender,
    kind,
    message,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, at)),
  });

  it("pairs each message with the reply after it; skips notices; leaves an unanswered side empty", () => {
    const turns = [turn("ai", "Welcome", 1), turn("user", "Hi", 2), turn("user", "Details updated", 3, "notice"), turn("ai", "Hello", 4), turn("user", "Still there?", 5)];
    const chats = toExchanges(turns, "u", "navigation");
    expect(chats.map((chat) => [chat.message, chat.response])).toEqual([
      ["", "Welcome"],
      ["Hi", "Hello"],
      ["Still there?", ""],
    ]);
    expect(chats[1]).toMatchObject({ _id: turns[1]!._id.toHexString(), createdAt: "2026-01-01T00:00:02.000Z", updatedAt: "2026-01-01T00:00:04.000Z" });
    expect(chats[2]).toMatchObject({ createdAt: "2026-01-01T00:00:05.000Z", updatedAt: "2026-01-01T00:00:05.000Z" });
  });
});

describe("DELETE /api/chat/history/:userId", () => {
  it("deletes every conversation of that chat type and its messages, and nothing else", async () => {
    const me = await makeApiUser();
    const chatService = briefChatService({ token: me.token });
    await chatService.saveChatMessage(me.user.id, "a", "b", "navigation");
    await chatService.saveChatMessage(me.user.id, "c", "d", "project-planning");
    expect(await chatService.deleteUserChatHistory(me.user.id, "navigation")).toEqual({ deletedCount: 1 });
    const left = await test.db().collection("conversations").find({ userId: me.owner }).toArray();
    expect(left.map((c) => c.roleId)).toEqual(["project-planner"]);
    expect(await test.db().collection("messages").countDocuments({ userId: me.owner })).toBe(2);
    expect((await chatService.getUserChatHistory(me.user.id, "project-planning")).map((chat) => chat.message)).toEqual(["c"]);
  });

  it("a read-only token may read history but not delete it", async () => {
    const me = await makeApiUser();
    const url = `/api/chat/history/${me.user.id}?chatType=navigation`;
    expect((await call("GET", url, { as: { token: me.readToken } })).status).toBe(200);
    const refused = await call("DELETE", url, { as: { token: me.readToken } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false });
  });

  it("works with the session cookie too, and a signed-out caller gets 401", async () => {
    const me = await makeApiUser();
    const url = `/api/chat/history/${me.user.id}?chatType=navigation`;
    expect((await call("GET", url, { as: { session: me.user } })).status).toBe(200);
    expect((await call("GET", url)).status).toBe(401);
  });
});
