/**
 * A project board shared by link, through the share API and the real database: a snapshot of the
 * project and its tasks grouped by status, with no chat unless chosen, no task notes, nothing of
 * the owner, and the chat's details hidden when the chat is included; Update link re-snapshots under the same URL;
 * revoking, deleting the project or another kind's token all end in "not found"; another user's
 * project or board link is 404.
 */
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { updateConversationDetailsFor } from "@/lib/server/services/chat/conversation-service";
import { openSharedBoard } from "@/lib/server/services/sharing/board-share";
import { openSharedConversation } from "@/lib/server/services/sharing/share-service";
import type { ShareLink } from "@/lib/shared/sharing/dto";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeConversation, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();

const SECRET = "Zebra Plan";
const NOTE = "the supplier's private phone number";

let alice: ApiUser;
let mallory: ApiUser;

async function aliceCall(method: string, path: string, body?: unknown): Promise<Response> {
  return call(method, path, { as: { token: alice.token }, body });
}

/** A project with three tasks (one done, one with notes), its chat's details holding SECRET, and one reply repeating it. */
async function makeBoard(): Promise<{ projectId: string; conversationId: string }> {
  const created = await aliceCall("POST", "/api/v1/projects", {
    name: "Bakery site",
    description: "Launch it",
    tasks: [{ title: "Pick a domain" }, { title: "Brief the team", priority: "high", dueDate: "2027-03-01" }, { title: "Write the menu page" }],
  });
  expect(created.status).toBe(201);
  const project = (await created.json()) as { id: string; conversationId: string };
  const tasks = ((await (await aliceCall("GET", `/api/v1/projects/${project.id}/tasks`)).json()) as { items: { id: string }[] }).items;
  await aliceCall("PATCH", `/api/v1/projects/${project.id}/tasks/${tasks[0]!.id}`, { status: "done", notes: NOTE });
  const chat = (await (await aliceCall("GET", `/api/v1/conversations/${project.conversationId}`)).json()) as { details: Record<string, unknown> };
  await updateConversationDetailsFor(alice.owner, project.conversationId, { ...chat.details, project_goal: SECRET });
  await insertMessage(alice.owner, ObjectId.createFromHexString(project.conversationId), { sender: "ai", message: `Here is the plan for ${SECRET}.`, status: "complete" });
  return { projectId: project.id, conversationId: project.conversationId };
}

async function shareBoard(projectId: string, body: Record<string, unknown> = {}): Promise<ShareLink> {
  const response = await aliceCall("POST", "/api/v1/shares", { projectId, ...body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ShareLink;
}

beforeAll(async () => {
  alice = await makeApiUser("alice");
  mallory = await makeApiUser("mallory");
});

describe("a shared board", () => {
  it("is a snapshot of the project and its tasks by status, without the chat (nor its details), notes or the owner", async () => {
    const { projectId, conversationId } = await makeBoard();
    const link = await shareBoard(projectId, { displayName: "Ali" });
    expect(link).toMatchObject({ kind: "board", projectId, conversationId, includeChat: false, title: "Bakery site", displayName: "Ali" });
    const view = await openSharedBoard(link.token);
    expect(view).toMatchObject({ name: "Bakery site", description: "Launch it", status: "active", displayName: "Ali", chat: null });
    expect(view?.tasks).toEqual([
      { title: "Brief the team", status: "todo", priority: "high", dueDate: "2027-03-01" },
      { title: "Write the menu page", status: "todo", priority: "medium", dueDate: null },
      { title: "Pick a domain", status: "done", priority: "medium", dueDate: null },
    ]);
    const json = JSON.stringify(view);
    for (const secret of [SECRET, NOTE, alice.user.email, alice.user.username, alice.owner.toHexString(), conversationId, projectId]) expect(json).not.toContain(secret);
  });

  it("shows the chat only when chosen, every detail hidden; Update link re-snapshots under the same URL", async () => {
    const { projectId } = await makeBoard();
    const link = await shareBoard(projectId);
    await openSharedBoard(link.token);
    await aliceCall("POST", `/api/v1/projects/${projectId}/tasks`, { title: "Added after sharing" });
    expect((await openSharedBoard(link.token))?.tasks.map((task) => task.title)).not.toContain("Added after sharing");

    const patched = await aliceCall("PATCH", `/api/v1/shares/${link.id}`, { includeChat: true });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: link.id, token: link.token, includeChat: true, views: 2 });
    const view = await openSharedBoard(link.token);
    expect(view?.tasks.map((task) => task.title)).toContain("Added after sharing");
    expect(view?.chat?.messages.map((message) => message.message)).toContain("Here is the plan for [hidden].");
    expect(view?.chat?.details).toEqual([]);
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it("revoke ends it; deleting the project deletes its links; a board token never opens as a conversation, nor the reverse", async () => {
    const { projectId } = await makeBoard();
    const revoked = await shareBoard(projectId);
    expect((await aliceCall("DELETE", `/api/v1/shares/${revoked.id}`)).status).toBe(204);
    expect(await openSharedBoard(revoked.token)).toBeNull();

    const live = await shareBoard(projectId);
    expect(await openSharedConversation(live.token)).toBeNull();
    const conversationLink = (await (await aliceCall("POST", "/api/v1/shares", { conversationId: await makeConversation(alice) })).json()) as ShareLink;
    expect(conversationLink.kind).toBe("conversation");
    expect(await openSharedBoard(conversationLink.token)).toBeNull();

    expect((await aliceCall("DELETE", `/api/v1/projects/${projectId}`)).status).toBe(204);
    expect(await openSharedBoard(live.token)).toBeNull();
    expect((await aliceCall("GET", `/api/v1/shares/${live.id}`)).status).toBe(404);
  });

  it("another user's project or board link is 404; naming both a conversation and a project is 400", async () => {
    const { projectId, conversationId } = await makeBoard();
    const link = await shareBoard(projectId);
    const as = { token: mallory.token };
    const theirs = await call("POST", "/api/v1/shares", { as, body: { projectId, includeChat: true } });
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { code: string }).code).toBe("not_found:project");
    expect((await call("PATCH", `/api/v1/shares/${link.id}`, { as, body: { includeChat: true } })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/shares/${link.id}`, { as })).status).toBe(404);
    expect((await openSharedBoard(link.token))?.chat).toBeNull();
    const both = await aliceCall("POST", "/api/v1/shares", { projectId, conversationId });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { errors?: Record<string, string[]> }).errors?.conversationId).toEqual(["Name either a conversationId or a projectId."]);
  });
});
