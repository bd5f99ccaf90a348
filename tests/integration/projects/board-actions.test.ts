/**
 * The project page's server actions through the real driver: add/edit/move/reorder/delete tasks
 * with the project's counts kept current, project rename/status/delete, and a second user who can
 * never read, change, reorder, complete or delete the first user's project or tasks.
 */
import { describe, expect, it, vi } from "vitest";
import {
  addTaskAction,
  deleteProjectAction,
  deleteTaskAction,
  editProjectAction,
  moveTaskAction,
  setProjectStatusAction,
  updateTaskAction,
} from "@/app/(app)/projects/actions";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import { getBoard, getDashboardProjects, listProjectItems } from "@/lib/server/services/projects/queries";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { findConversation } from "@/models/conversations";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser, type TestUser } from "../chat/fixtures";
import { signInAs } from "../chat/session-mock";
import { makeProject, plan, source } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../chat/session-mock")).sessionMock);

const test = useAppDatabase();

function titles(tasks: TaskDTO[], status: TaskDTO["status"]): string[] {
  return tasks.filter((task) => task.status === status).map((task) => task.title);
}

async function signedInWithProject(prefix: string): Promise<TestUser & { projectId: string }> {
  const user = await makeUser(prefix);
  signInAs(user.user);
  return { ...user, projectId: await makeProject(user.owner) };
}

describe("board actions", () => {
  it("adds, edits and deletes tasks, keeping the project's counts current", async () => {
    const { owner, projectId } = await signedInWithProject("editor");
    const added = await addTaskAction(projectId, { title: "  Buy tiles  ", priority: "high", dueDate: "2027-05-01", status: "doing" });
    expect(added).toMatchObject({ ok: true, data: { title: "Buy tiles", status: "doing", priority: "high", dueDate: "2027-05-01" } });
    const taskId = added.ok ? added.data.id : "";

    const edited = await updateTaskAction(projectId, taskId, { title: "Buy floor tiles", notes: "Grey", dueDate: "", status: "done" });
    expect(edited).toMatchObject({ ok: true, data: { title: "Buy floor tiles", notes: "Grey", dueDate: null, status: "done" } });
    expect((await getBoard(owner, projectId)).project.taskCounts).toEqual({ todo: 3, doing: 0, done: 1 });

    expect(await deleteTaskAction(projectId, taskId)).toEqual({ ok: true, data: null });
    const board = await getBoard(owner, projectId);
    expect(board.project.taskCounts).toEqual({ todo: 3, doing: 0, done: 0 });
    expect(board.tasks.map((task) => task.title)).not.toContain("Buy floor tiles");
  });

  it("refuses bad input with the message beside the field, and stores nothing", async () => {
    const { owner, projectId } = await signedInWithProject("sloppy");
    const before = await getBoard(owner, projectId);
    const longTitle = await addTaskAction(projectId, { title: "x".repeat(50_000) });
    expect(longTitle).toMatchObject({ ok: false, error: { code: "invalid:task", fields: { title: [expect.stringContaining("200 characters")] } } });
    const farFuture = await updateTaskAction(projectId, before.tasks[0]!.id, { dueDate: "10000-01-01" });
    expect(farFuture).toMatchObject({ ok: false, error: { code: "invalid:task", fields: { dueDate: expect.any(Array) } } });
    expect(await addTaskAction(projectId, { title: "ok", priority: "urgent" })).toMatchObject({ ok: false, error: { code: "invalid:task" } });
    expect(await moveTaskAction(projectId, before.tasks[0]!.id, { status: "finished", beforeId: null, afterId: null })).toMatchObject({
      ok: false,
      error: { code: "invalid:move" },
    });
    expect(await editProjectAction(projectId, { name: "" })).toMatchObject({ ok: false, error: { code: "invalid:project", fields: { name: expect.any(Array) } } });
    expect(await getBoard(owner, projectId)).toEqual(before);
  });

  it("moves a task between two others, to another column, and to either end — one task write each", async () => {
    const { owner, projectId } = await signedInWithProject("mover");
    const [measure, paint, order] = (await getBoard(owner, projectId)).tasks;
    const db = test.db();
    const before = await db.collection("tasks").find({}, { projection: { order: 1, updatedAt: 1 } }).toArray();

    // Order cabinets to between Measure and Paint.
    expect(await moveTaskAction(projectId, order!.id, { status: "todo", beforeId: measure!.id, afterId: paint!.id })).toMatchObject({ ok: true });
    let board = await getBoard(owner, projectId);
    expect(titles(board.tasks, "todo")).toEqual(["Measure the walls", "Order cabinets", "Pick a paint colour"]);
    const after = await db.collection("tasks").find({}, { projection: { order: 1, updatedAt: 1 } }).toArray();
    const changed = after.filter((doc) => before.find((old) => old._id.equals(doc._id))?.order !== doc.order);
    expect(changed.map((doc) => doc._id.toHexString())).toEqual([order!.id]);

    // Measure to Done (empty column), then Paint to the top of Done.
    await moveTaskAction(projectId, measure!.id, { status: "done", beforeId: null, afterId: null });
    await moveTaskAction(projectId, paint!.id, { status: "done", beforeId: null, afterId: measure!.id });
    board = await getBoard(owner, projectId);
    expect(titles(board.tasks, "done")).toEqual(["Pick a paint colour", "Measure the walls"]);
    expect(titles(board.tasks, "todo")).toEqual(["Order cabinets"]);
    expect(board.project.taskCounts).toEqual({ todo: 1, doing: 0, done: 2 });
    expect(board.tasks.find((task) => task.id === measure!.id)?.completedAt).not.toBeNull();

    // Back out of Done clears the completion time; a neighbour in another column is refused.
    await moveTaskAction(projectId, measure!.id, { status: "doing", beforeId: null, afterId: null });
    expect((await getBoard(owner, projectId)).tasks.find((task) => task.id === measure!.id)).toMatchObject({ status: "doing", completedAt: null });
    expect(await moveTaskAction(projectId, order!.id, { status: "todo", beforeId: paint!.id, afterId: null })).toMatchObject({
      ok: false,
      error: { code: "invalid:move" },
    });
  });

  it("renames, marks done, archives and reopens a project; /projects and the dashboard follow", async () => {
    const { owner, projectId } = await signedInWithProject("status");
    expect(await editProjectAction(projectId, { name: "Bathroom", description: "Tiles" })).toMatchObject({ ok: true, data: { name: "Bathroom", description: "Tiles" } });
    expect(await setProjectStatusAction(projectId, "done")).toMatchObject({ ok: true, data: { status: "done" } });
    expect((await listProjectItems(owner, ["done"])).map((project) => project.name)).toEqual(["Bathroom"]);
    expect((await getDashboardProjects(owner, "2027-03-08")).active).toEqual([]);
    expect(await setProjectStatusAction(projectId, "archived")).toMatchObject({ ok: true, data: { status: "archived" } });
    expect(await setProjectStatusAction(projectId, "deleted")).toMatchObject({ ok: false, error: { code: "invalid:status" } });
    expect(await setProjectStatusAction(projectId, "active")).toMatchObject({ ok: true, data: { status: "active" } });
    const dashboard = await getDashboardProjects(owner, "2027-03-08");
    expect(dashboard.active.map((project) => project.name)).toEqual(["Bathroom"]);
    expect(dashboard.active[0]?.nextDue).toMatchObject({ title: "Measure the walls", dueDate: "2027-03-10" });
    expect(dashboard.due.map((task) => [task.title, task.projectName])).toEqual([["Measure the walls", "Bathroom"]]);
    // Not yet within a week of an earlier day; still listed (overdue) long after.
    expect((await getDashboardProjects(owner, "2027-02-01")).due).toEqual([]);
    expect((await getDashboardProjects(owner, "2028-01-01")).due).toHaveLength(1);
  });

  it("deletes a project with its tasks, keeping or removing its chat as asked", async () => {
    const user = await makeUser("deleter");
    signInAs(user.user);
    const keptChat = await startConversation(user.owner, "project-planner", { project_goal: "A new kitchen" });
    const goneChat = await startConversation(user.owner, "project-planner", { project_goal: "A new kitchen" });
    const keep = await createProjectFromPlan(user.owner, plan(), { ...source(), conversationId: keptChat._id });
    const drop = await createProjectFromPlan(user.owner, plan(), { ...source(), conversationId: goneChat._id });

    expect(await deleteProjectAction(keep.projectId, { deleteChat: false })).toEqual({ ok: true, data: null });
    expect(await deleteProjectAction(drop.projectId, { deleteChat: true })).toEqual({ ok: true, data: null });
    expect(await test.db().collection("tasks").countDocuments({ userId: user.owner })).toBe(0);
    expect(await test.db().collection("projects").countDocuments({ userId: user.owner })).toBe(0);
    expect(await findConversation(user.owner, keptChat._id.toHexString())).not.toBeNull();
    expect(await findConversation(user.owner, goneChat._id.toHexString())).toBeNull();
    expect(await deleteProjectAction(keep.projectId, { deleteChat: false })).toMatchObject({ ok: false, error: { code: "not_found:project" } });
  });
});

describe("ownership", () => {
  it("a second user can never read, change, reorder, complete or delete another's project or task, nor see it counted", async () => {
    const alice = await signedInWithProject("alice");
    const aliceBefore = await getBoard(alice.owner, alice.projectId);
    const [first, second] = aliceBefore.tasks;
    const mallory = await signedInWithProject("mallory");
    const mine = (await getBoard(mallory.owner, mallory.projectId)).tasks[0]!;
    signInAs(mallory.user);

    const attempts = [
      await addTaskAction(alice.projectId, { title: "Injected" }),
      await updateTaskAction(alice.projectId, first!.id, { title: "Hacked" }),
      await updateTaskAction(alice.projectId, first!.id, { status: "done" }),
      await moveTaskAction(alice.projectId, first!.id, { status: "todo", beforeId: second!.id, afterId: null }),
      await deleteTaskAction(alice.projectId, first!.id),
      await editProjectAction(alice.projectId, { name: "Mine" }),
      await setProjectStatusAction(alice.projectId, "archived"),
      await deleteProjectAction(alice.projectId, { deleteChat: true }),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, error: { code: "not_found:project" } });

    // Through her own project, with Alice's task ids.
    const viaOwn = [
      await updateTaskAction(mallory.projectId, first!.id, { status: "done" }),
      await moveTaskAction(mallory.projectId, first!.id, { status: "done", beforeId: null, afterId: null }),
      await moveTaskAction(mallory.projectId, mine.id, { status: "todo", beforeId: first!.id, afterId: null }),
      await deleteTaskAction(mallory.projectId, first!.id),
    ];
    for (const result of viaOwn) expect(result).toMatchObject({ ok: false, error: { code: "not_found:task" } });

    await expect(getBoard(mallory.owner, alice.projectId)).rejects.toMatchObject({ code: "not_found:project" });
    expect((await listProjectItems(mallory.owner)).map((project) => project.id)).toEqual([mallory.projectId]);
    const dashboard = await getDashboardProjects(mallory.owner, "2027-03-08");
    expect(dashboard.active.map((project) => project.id)).toEqual([mallory.projectId]);
    expect(dashboard.due.every((task) => task.projectId === mallory.projectId)).toBe(true);
    expect(await getBoard(alice.owner, alice.projectId)).toEqual(aliceBefore);
  });

  it("a signed-out caller gets 'unauthorized' and changes nothing", async () => {
    const alice = await signedInWithProject("alone");
    const before = await getBoard(alice.owner, alice.projectId);
    signInAs(null);
    expect(await addTaskAction(alice.projectId, { title: "x" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(await getBoard(alice.owner, alice.projectId)).toEqual(before);
  });
});
