import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { MAX_TASKS_PER_PROJECT } from "@/lib/shared/projects/plan-schema";
import { getBoard } from "@/lib/server/services/projects/queries";
import { applyProjectChanges } from "@/lib/server/services/projects/task-changes";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser } from "../chat/fixtures";
import { makeProject } from "./fixtures";

useAppDatabase();

describe("applyProjectChanges", () => {
  it("adds tasks, updates status/priority/due date, renames, and keeps counts current", async () => {
    const { owner } = await makeUser("changer");
    const projectId = await makeProject(owner);
    const before = await getBoard(owner, projectId);
    const [measure, paint] = before.tasks;

    await applyProjectChanges(owner, projectId, [
      { type: "add_task", task: { title: "Hire an electrician", priority: "high", dueDate: "2027-04-01" } },
      { type: "update_task", taskId: measure!.id, status: "done" },
      { type: "update_task", taskId: paint!.id, status: "doing", priority: "high", dueDate: "2027-03-20" },
      { type: "update_task", taskId: measure!.id, dueDate: null },
      { type: "rename_project", name: "Kitchen, phase one" },
    ]);

    const after = await getBoard(owner, projectId);
    expect(after.project.name).toBe("Kitchen, phase one");
    expect(after.project.taskCounts).toEqual({ todo: 2, doing: 1, done: 1 });
    const byTitle = new Map(after.tasks.map((task) => [task.title, task]));
    expect(byTitle.get("Measure the walls")).toMatchObject({ status: "done", dueDate: null });
    expect(byTitle.get("Measure the walls")?.completedAt).not.toBeNull();
    expect(byTitle.get("Pick a paint colour")).toMatchObject({ status: "doing", priority: "high", dueDate: "2027-03-20" });
    expect(byTitle.get("Hire an electrician")).toMatchObject({ status: "todo", priority: "high", dueDate: "2027-04-01" });
    // New tasks go to the end of To do.
    expect(after.tasks.filter((task) => task.status === "todo").map((task) => task.title)).toEqual(["Order cabinets", "Hire an electrician"]);
  });

  it("refuses a card naming an unknown task or another user's task, and changes nothing", async () => {
    const alice = await makeUser("alice");
    const mallory = await makeUser("mallory");
    const aliceProject = await makeProject(alice.owner);
    const malloryProject = await makeProject(mallory.owner);
    const aliceTask = (await getBoard(alice.owner, aliceProject)).tasks[0]!;
    const malloryBefore = await getBoard(mallory.owner, malloryProject);

    for (const taskId of [aliceTask.id, new ObjectId().toHexString()]) {
      await expect(
        applyProjectChanges(mallory.owner, malloryProject, [
          { type: "add_task", task: { title: "Sneaky", priority: "low" } },
          { type: "rename_project", name: "Renamed" },
          { type: "update_task", taskId, status: "done" },
        ]),
      ).rejects.toMatchObject({ code: "not_found:task" });
    }
    expect(await getBoard(mallory.owner, malloryProject)).toEqual(malloryBefore);
    expect((await getBoard(alice.owner, aliceProject)).tasks[0]).toEqual(aliceTask);
    // Nor can the other user apply a card to the project itself.
    await expect(applyProjectChanges(mallory.owner, aliceProject, [{ type: "rename_project", name: "Mine now" }])).rejects.toMatchObject({
      code: "not_found:project",
    });
    expect((await getBoard(alice.owner, aliceProject)).project.name).toBe("Kitchen renovation");
  });

  it("refuses invalid changes (year 10000, 50,000-character title) and too many tasks, changing nothing", async () => {
    const { owner } = await makeUser("limits");
    const projectId = await makeProject(owner);
    const before = await getBoard(owner, projectId);
    const taskId = before.tasks[0]!.id;
    await expect(
      applyProjectChanges(owner, projectId, [
        { type: "rename_project", name: "Fine" },
        { type: "update_task", taskId, dueDate: "10000-01-01" },
      ]),
    ).rejects.toMatchObject({ code: "invalid:changes" });
    await expect(
      applyProjectChanges(owner, projectId, [{ type: "add_task", task: { title: "z".repeat(50_000), priority: "low" } }]),
    ).rejects.toMatchObject({ code: "invalid:changes" });
    expect(await getBoard(owner, projectId)).toEqual(before);

    const full = await makeProject(owner, {
      tasks: Array.from({ length: MAX_TASKS_PER_PROJECT - 1 }, (_, i) => ({ title: `T${i}`, priority: "low" as const })),
    });
    await expect(
      applyProjectChanges(owner, full, [
        { type: "add_task", task: { title: "fits", priority: "low" } },
        { type: "add_task", task: { title: "does not fit", priority: "low" } },
      ]),
    ).rejects.toMatchObject({ code: "conflict:task_limit" });
    expect((await getBoard(owner, full)).tasks).toHaveLength(MAX_TASKS_PER_PROJECT - 1);
  });
});
