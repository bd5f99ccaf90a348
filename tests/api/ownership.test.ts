/**
 * Every route with an id, called with a second user's token on the first user's ids: 404 (never
 * 403, which would confirm the id exists), nothing changed, and lists and the export show only
 * the caller's own data.
 */
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeConversation, makeProject } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

const test = useAppDatabase();

const roleBody = { name: "Secret Role", category: "Private", instructions: "Only mine.", fields: [{ key: "topic", label: "Topic", type: "text" }] };

describe("a second user's token on the first user's ids", () => {
  it("is 404 on every route, and changes nothing", async () => {
    const owner = await makeApiUser("owner");
    const other = await makeApiUser("other");
    const roleId = ((await (await call("POST", "/api/v1/roles", { as: { token: owner.token }, body: roleBody })).json()) as { id: string }).id;
    const conversationId = await makeConversation(owner);
    const { projectId, taskIds } = await makeProject(owner);
    const taskId = taskIds[0]!;
    await call("POST", "/api/chat/save", { as: { token: owner.token }, body: { userId: owner.user.id, chatType: "navigation", message: "m", response: "r" } });
    const shareId = ((await (await call("POST", "/api/v1/shares", { as: { token: owner.token }, body: { conversationId } })).json()) as { id: string }).id;
    const before = await snapshot();

    const as = { token: other.token };
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/roles/${roleId}`],
      ["PUT", `/api/v1/roles/${roleId}`, roleBody],
      ["DELETE", `/api/v1/roles/${roleId}`],
      ["GET", `/api/v1/roles/${roleId}/brief`],
      ["PUT", `/api/v1/roles/${roleId}/brief`, { details: { topic: "x" } }],
      ["GET", `/api/v1/roles/${roleId}/brief/history`],
      ["POST", `/api/v1/roles/${roleId}/brief/restore`, { entryId: "0".repeat(24) }],
      ["GET", `/api/v1/conversations/${conversationId}`],
      ["PATCH", `/api/v1/conversations/${conversationId}`, { title: "Mine now" }],
      ["DELETE", `/api/v1/conversations/${conversationId}`],
      ["GET", `/api/v1/conversations/${conversationId}/messages`],
      ["GET", `/api/v1/conversations/${conversationId}/export?format=json`],
      ["POST", "/api/v1/shares", { conversationId }],
      ["GET", `/api/v1/shares/${shareId}`],
      ["PATCH", `/api/v1/shares/${shareId}`, { visibleFields: ["topic"] }],
      ["DELETE", `/api/v1/shares/${shareId}`],
      ["POST", `/api/v1/conversations/${conversationId}/messages`, { text: "hello", stream: false }],
      ["GET", `/api/v1/projects/${projectId}`],
      ["PATCH", `/api/v1/projects/${projectId}`, { name: "Mine now" }],
      ["DELETE", `/api/v1/projects/${projectId}?deleteChat=true`],
      ["GET", `/api/v1/projects/${projectId}/tasks`],
      ["POST", `/api/v1/projects/${projectId}/tasks`, { title: "Sneaky" }],
      ["GET", `/api/v1/projects/${projectId}/tasks/${taskId}`],
      ["PATCH", `/api/v1/projects/${projectId}/tasks/${taskId}`, { title: "Sneaky" }],
      ["DELETE", `/api/v1/projects/${projectId}/tasks/${taskId}`],
      ["POST", `/api/v1/projects/${projectId}/tasks/${taskId}/move`, { status: "done", beforeId: null, afterId: null }],
      ["GET", `/api/chat/history/${owner.user.id}?chatType=navigation`],
      ["DELETE", `/api/chat/history/${owner.user.id}?chatType=navigation`],
      ["POST", "/api/chat/save", { userId: owner.user.id, chatType: "navigation", message: "m", response: "r" }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(method, path, { as, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("content-type"), `${method} ${path}`).toMatch(/application\/problem\+json/);
    }
    expect(await snapshot()).toEqual(before);

    async function snapshot() {
      const collections = ["roles", "briefs", "conversations", "messages", "projects", "tasks", "shareLinks"];
      return Promise.all(collections.map((name) => test.db().collection(name).find({ userId: owner.owner }).sort({ _id: 1 }).toArray()));
    }
  });

  it("lists and the export show only the caller's own data", async () => {
    const owner = await makeApiUser("owner");
    const other = await makeApiUser("other");
    const roleId = ((await (await call("POST", "/api/v1/roles", { as: { token: owner.token }, body: roleBody })).json()) as { id: string }).id;
    const conversationId = await makeConversation(owner);
    const { projectId } = await makeProject(owner);
    const as = { token: other.token };
    const lists = await Promise.all([
      call("GET", "/api/v1/roles", { as }).then((r) => r.text()),
      call("GET", "/api/v1/conversations", { as }).then((r) => r.text()),
      call("GET", "/api/v1/projects", { as }).then((r) => r.text()),
      call("GET", "/api/v1/me/export", { as }).then((r) => r.text()),
      call("GET", `/api/chat/history/${other.user.id}?chatType=navigation`, { as }).then((r) => r.text()),
    ]);
    for (const text of lists) {
      expect(text).not.toContain(roleId);
      expect(text).not.toContain(conversationId);
      expect(text).not.toContain(projectId);
      expect(text).not.toContain(owner.user.id);
    }
  });
});
