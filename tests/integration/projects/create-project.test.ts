import { ObjectId } from "mongodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import { getBoard } from "@/lib/server/services/projects/queries";
import * as projectsModel from "@/models/projects";
import { MAX_PROJECTS_PER_USER } from "@/models/projects";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser } from "../chat/fixtures";
import { makeProject, plan, source } from "./fixtures";

const test = useAppDatabase();

async function ownedCounts(owner: ObjectId) {
  const db = test.db();
  return {
    projects: await db.collection("projects").countDocuments({ userId: owner }),
    tasks: await db.collection("tasks").countDocuments({ userId: owner }),
  };
}

afterEach(() => vi.restoreAllMocks());

describe("createProjectFromPlan", () => {
  it("stores the project, its tasks in plan order in To do, and counts", async () => {
    const { owner } = await makeUser("planner");
    const from = source();
    const { projectId } = await createProjectFromPlan(owner, plan(), from);
    const board = await getBoard(owner, projectId);
    expect(board.project).toMatchObject({ name: "Kitchen renovation", status: "active", taskCounts: { todo: 3, doing: 0, done: 0 } });
    expect(board.project.conversationId).toBe(from.conversationId.toHexString());
    expect(board.tasks.map((task) => [task.title, task.status, task.priority, task.dueDate])).toEqual([
      ["Measure the walls", "todo", "high", "2027-03-10"],
      ["Pick a paint colour", "todo", "medium", null],
      ["Order cabinets", "todo", "low", null],
    ]);
    const stored = await test.db().collection("tasks").findOne({ title: "Order cabinets" });
    expect(stored?.source).toEqual({ conversationId: from.conversationId, messageId: from.messageId });
    expect(stored?.notes).toBe("Ask about delivery.");
  });

  it("refuses a 2,000-task plan, a 50,000-character title and a due date in year 10000, storing nothing", async () => {
    const { owner } = await makeUser("bad-plan");
    const many = Array.from({ length: 2000 }, (_, i) => ({ title: `Task ${i}`, priority: "medium" as const }));
    await expect(createProjectFromPlan(owner, plan({ tasks: many }), source())).rejects.toMatchObject({
      code: "invalid:plan",
      message: expect.stringContaining("at most 500 tasks"),
    });
    await expect(
      createProjectFromPlan(owner, plan({ tasks: [{ title: "x".repeat(50_000), priority: "low" }] }), source()),
    ).rejects.toMatchObject({ code: "invalid:plan", message: expect.stringContaining("at most 200 characters") });
    await expect(
      createProjectFromPlan(owner, plan({ tasks: [{ title: "Far future", priority: "low", dueDate: "10000-01-01" }] }), source()),
    ).rejects.toMatchObject({ code: "invalid:plan" });
    await expect(createProjectFromPlan(owner, plan({ name: "y".repeat(50_000) }), source())).rejects.toMatchObject({ code: "invalid:plan" });
    expect(await ownedCounts(owner)).toEqual({ projects: 0, tasks: 0 });
  });

  it("accepts exactly 500 tasks", async () => {
    const { owner } = await makeUser("big-plan");
    const tasks = Array.from({ length: 500 }, (_, i) => ({ title: `Task ${i}`, priority: "medium" as const }));
    const projectId = await makeProject(owner, { tasks });
    const board = await getBoard(owner, projectId);
    expect(board.tasks).toHaveLength(500);
    expect(board.tasks[499]?.title).toBe("Task 499");
  });

  it("leaves no half-made project when the project write fails after the tasks were written", async () => {
    const { owner } = await makeUser("crash");
    vi.spyOn(projectsModel, "insertProject").mockRejectedValueOnce(new Error("connection reset"));
    await expect(createProjectFromPlan(owner, plan(), source())).rejects.toThrow("connection reset");
    expect(await ownedCounts(owner)).toEqual({ projects: 0, tasks: 0 });
  });

  it(`refuses a project past the per-user limit (${MAX_PROJECTS_PER_USER})`, async () => {
    const { owner } = await makeUser("hoarder");
    for (let i = 0; i < MAX_PROJECTS_PER_USER; i += 1) await makeProject(owner, { tasks: [{ title: "One", priority: "low" }] });
    await expect(createProjectFromPlan(owner, plan(), source())).rejects.toMatchObject({
      code: "conflict:project_limit",
      message: expect.stringContaining(`at most ${MAX_PROJECTS_PER_USER} projects`),
    });
    expect(await ownedCounts(owner)).toEqual({ projects: MAX_PROJECTS_PER_USER, tasks: MAX_PROJECTS_PER_USER });
  });
});
