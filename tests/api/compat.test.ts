/**
 * The brief's endpoints with their `{ success, data }` shapes: chat types map to the ChatCraft
 * Guide and the Project Planner, save appends to the latest conversation (starting one when
 * needed), history reads it back, delete clears only that chat type.
 */
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

describe("POST /api/chat/save and GET /api/chat/history/:userId", () => {
  it("stores exchanges in the chat type's latest conversation and reads them back in order", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const save = (message: string, response: string) =>
      call("POST", "/api/chat/save", { as, body: { userId: me.user.id, chatType: "navigation", message, response } });
    const first = await save("Where is Settings?", "In the user menu.");
    expect(first.status).toBe(201);
    const saved = (await first.json()) as { success: boolean; data: { conversationId: string; messages: { sender: string }[] } };
    expect(saved.success).toBe(true);
    expect(saved.data.messages.map((m) => m.sender)).toEqual(["user", "ai"]);
    await save("And the theme?", "Top bar.");

    const conversation = await test.db().collection("conversations").findOne({ userId: me.owner });
    expect(conversation).toMatchObject({ roleId: "chatcraft-guide", roleName: "ChatCraft Guide", messageCount: 4 });

    const history = await call("GET", `/api/chat/history/${me.user.id}?chatType=navigation`, { as });
    const body = (await history.json()) as { success: boolean; data: { chatType: string; conversationId: string; messages: { message: string }[] } };
    expect(body).toMatchObject({ success: true, data: { chatType: "navigation", conversationId: saved.data.conversationId } });
    expect(body.data.messages.map((m) => m.message)).toEqual(["Where is Settings?", "In the user menu.", "And the theme?", "Top bar."]);
  });

  it("project-planning is the Project Planner, and needs its required detail to start", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    const body = { userId: me.user.id, chatType: "project-planning", message: "Plan my launch", response: "Step 1…" };
    const missing = await call("POST", "/api/chat/save", { as, body });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ success: false, code: "invalid:details", errors: { project_goal: expect.any(Array) } });
    const ok = await call("POST", "/api/chat/save", { as, body: { ...body, details: { project_goal: "Launch the bakery site" } } });
    expect(ok.status).toBe(201);
    expect(await test.db().collection("conversations").findOne({ userId: me.owner })).toMatchObject({ roleId: "project-planner" });
  });

  it("an empty history is success with no messages", async () => {
    const me = await makeApiUser();
    const response = await call("GET", `/api/chat/history/${me.user.id}?chatType=project-planning`, { as: { token: me.token } });
    expect(await response.json()).toEqual({ success: true, data: { chatType: "project-planning", conversationId: null, messages: [] } });
  });

  it("an unknown chat type is a 400 with success: false", async () => {
    const me = await makeApiUser();
    const response = await call("GET", `/api/chat/history/${me.user.id}?chatType=gossip`, { as: { token: me.token } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, errors: { chatType: ["chatType must be navigation or project-planning."] } });
  });
});

describe("DELETE /api/chat/history/:userId", () => {
  it("deletes every conversation of that chat type and its messages, and nothing else", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    await call("POST", "/api/chat/save", { as, body: { userId: me.user.id, chatType: "navigation", message: "a", response: "b" } });
    await call("POST", "/api/chat/save", { as, body: { userId: me.user.id, chatType: "project-planning", message: "c", response: "d", details: { project_goal: "x" } } });
    const response = await call("DELETE", `/api/chat/history/${me.user.id}?chatType=navigation`, { as });
    expect(await response.json()).toEqual({ success: true, data: { chatType: "navigation", deletedConversations: 1, deletedMessages: 2 } });
    const left = await test.db().collection("conversations").find({ userId: me.owner }).toArray();
    expect(left.map((c) => c.roleId)).toEqual(["project-planner"]);
    expect(await test.db().collection("messages").countDocuments({ userId: me.owner })).toBe(2);
  });

  it("a read-only token may read history but not delete it", async () => {
    const me = await makeApiUser();
    const url = `/api/chat/history/${me.user.id}?chatType=navigation`;
    expect((await call("GET", url, { as: { token: me.readToken } })).status).toBe(200);
    expect((await call("DELETE", url, { as: { token: me.readToken } })).status).toBe(403);
  });

  it("works with the session cookie too, and a signed-out caller gets 401", async () => {
    const me = await makeApiUser();
    const url = `/api/chat/history/${me.user.id}?chatType=navigation`;
    expect((await call("GET", url, { as: { session: me.user } })).status).toBe(200);
    expect((await call("GET", url)).status).toBe(401);
  });
});
