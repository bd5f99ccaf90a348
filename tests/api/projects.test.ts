/**
 * Projects and tasks through /api/v1: create from a plan (with its own planner chat), list and
 * page, edit and set status, add/edit/move/delete tasks (board order), idempotent creates, and
 * delete with or without the chat. Every answer is checked against the OpenAPI document.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeProject } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

type Task = { id: string; title: string; status: string };

async function titles(token: string, projectId: string): Promise<string[]> {
  const response = await call("GET", `/api/v1/projects/${projectId}/tasks`, { as: { token } });
  return ((await response.json()) as { items: Task[] }).items.map((task) => `${task.status}:${task.title}`);
}

describe("projects", () => {
  it("creates a project from a plan, with its own Project Planner chat linked to it", async () => {
    const me = await makeApiUser();
    const response = await call("POST", "/api/v1/projects", {
      as: { token: me.token },
      body: { name: "Bakery site", description: "Online orders", tasks: [{ title: "Domain", priority: "high", dueDate: "2030-05-01" }, { title: "Menu" }] },
    });
    expect(response.status).toBe(201);
    const project = (await response.json()) as { id: string; status: string; taskCounts: object; conversationId: string; roleId: string };
    expect(project).toMatchObject({ status: "active", roleId: "project-planner", taskCounts: { todo: 2, doing: 0, done: 0 } });
    const chat = await call("GET", `/api/v1/conversations/${project.conversationId}`, { as: { token: me.token } });
    expect(await chat.json()).toMatchObject({ mode: "project-planning", projectId: project.id, details: { project_goal: "Online orders" } });
  });

  it("lists projects by status, page by page", async () => {
    const me = await makeApiUser();
    const ids = [(await makeProject(me)).projectId, (await makeProject(me)).projectId, (await makeProject(me)).projectId];
    await call("PATCH", `/api/v1/projects/${ids[0]}`, { as: { token: me.token }, body: { status: "archived", name: "Old one" } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await call("GET", `/api/v1/projects?status=active&limit=1${cursor ? `&cursor=${cursor}` : ""}`, { as: { token: me.token } })).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([ids[1], ids[2]].sort());
    const archived = (await (await call("GET", "/api/v1/projects?status=archived", { as: { token: me.token } })).json()) as { items: { id: string; name: string }[] };
    expect(archived.items).toEqual([expect.objectContaining({ id: ids[0], name: "Old one", status: "archived" })]);
  });

  it("deletes a project and its tasks, and its chat only when asked", async () => {
    const me = await makeApiUser();
    const kept = await makeProject(me);
    const keptChat = ((await (await call("GET", `/api/v1/projects/${kept.projectId}`, { as: { token: me.token } })).json()) as { conversationId: string }).conversationId;
    expect((await call("DELETE", `/api/v1/projects/${kept.projectId}`, { as: { token: me.token } })).status).toBe(204);
    expect((await call("GET", `/api/v1/conversations/${keptChat}`, { as: { token: me.token } })).status).toBe(200);
    expect(await test.db().collection("tasks").countDocuments({ projectId: new ObjectId(kept.projectId) })).toBe(0);

    const gone = await makeProject(me);
    const goneChat = ((await (await call("GET", `/api/v1/projects/${gone.projectId}`, { as: { token: me.token } })).json()) as { conversationId: string }).conversationId;
    expect((await call("DELETE", `/api/v1/projects/${gone.projectId}?deleteChat=true`, { as: { token: me.token } })).status).toBe(204);
    expect((await call("GET", `/api/v1/conversations/${goneChat}`, { as: { token: me.token } })).status).toBe(404);
    expect((await call("GET", `/api/v1/projects/${gone.projectId}`, { as: { token: me.token } })).status).toBe(404);
  });
});

describe("tasks", () => {
  it("adds, edits, reorders, moves between columns and deletes tasks", async () => {
    const me = await makeApiUser();
    const { projectId, taskIds } = await makeProject(me);
    const as = { token: me.token };
    const [domain, menu] = taskIds as [string, string];
    const added = await call("POST", `/api/v1/projects/${projectId}/tasks`, { as, body: { title: "Order flour", priority: "low" } });
    expect(added.status).toBe(201);
    const flour = ((await added.json()) as Task).id;
    expect(await titles(me.token, projectId)).toEqual(["todo:Pick a domain", "todo:Write the menu page", "todo:Order flour"]);

    // Reorder: flour to the top of To do.
    const moved = await call("POST", `/api/v1/projects/${projectId}/tasks/${flour}/move`, { as, body: { status: "todo", beforeId: null, afterId: domain } });
    expect(moved.status).toBe(200);
    expect(await titles(me.token, projectId)).toEqual(["todo:Order flour", "todo:Pick a domain", "todo:Write the menu page"]);

    // Into Doing, then edited; then done via PATCH (completedAt set).
    await call("POST", `/api/v1/projects/${projectId}/tasks/${menu}/move`, { as, body: { status: "doing", beforeId: null, afterId: null } });
    const edited = await call("PATCH", `/api/v1/projects/${projectId}/tasks/${menu}`, { as, body: { title: "Write the menu", notes: "Prices too" } });
    expect(await edited.json()).toMatchObject({ title: "Write the menu", notes: "Prices too", status: "doing" });
    const done = (await (await call("PATCH", `/api/v1/projects/${projectId}/tasks/${domain}`, { as, body: { status: "done" } })).json()) as { completedAt: string | null };
    expect(done.completedAt).not.toBeNull();
    expect((await (await call("GET", `/api/v1/projects/${projectId}`, { as })).json()) as object).toMatchObject({ taskCounts: { todo: 1, doing: 1, done: 1 } });

    expect((await call("DELETE", `/api/v1/projects/${projectId}/tasks/${flour}`, { as })).status).toBe(204);
    expect((await call("GET", `/api/v1/projects/${projectId}/tasks/${flour}`, { as })).status).toBe(404);
    expect(await titles(me.token, projectId)).toEqual(["doing:Write the menu", "done:Pick a domain"]);
  });

  it("pages a board with an opaque cursor", async () => {
    const me = await makeApiUser();
    const { projectId } = await makeProject(me);
    const first = (await (await call("GET", `/api/v1/projects/${projectId}/tasks?limit=1`, { as: { token: me.token } })).json()) as { items: Task[]; nextCursor: string };
    const second = (await (await call("GET", `/api/v1/projects/${projectId}/tasks?limit=1&cursor=${first.nextCursor}`, { as: { token: me.token } })).json()) as { items: Task[]; nextCursor: string | null };
    expect([first.items[0]?.title, second.items[0]?.title]).toEqual(["Pick a domain", "Write the menu page"]);
    expect(second.nextCursor).toBeNull();
  });

  it("adding a task with an Idempotency-Key twice in parallel adds one task", async () => {
    const me = await makeApiUser();
    const { projectId } = await makeProject(me);
    const add = () => call("POST", `/api/v1/projects/${projectId}/tasks`, { as: { token: me.token }, body: { title: "Once" }, headers: { "idempotency-key": "task-once" } });
    const statuses = (await Promise.all([add(), add()])).map((response) => response.status);
    expect(statuses).toContain(201);
    expect((await add()).status).toBe(201);
    expect(await test.db().collection("tasks").countDocuments({ projectId: new ObjectId(projectId), title: "Once" })).toBe(1);
  });

  it("a read token reads the board but cannot change it", async () => {
    const me = await makeApiUser();
    const { projectId, taskIds } = await makeProject(me);
    expect((await call("GET", `/api/v1/projects/${projectId}/tasks`, { as: { token: me.readToken } })).status).toBe(200);
    expect((await call("PATCH", `/api/v1/projects/${projectId}/tasks/${taskIds[0]}`, { as: { token: me.readToken }, body: { title: "x" } })).status).toBe(403);
  });
});
