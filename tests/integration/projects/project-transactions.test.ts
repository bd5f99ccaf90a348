/**
 * Creating a project with its tasks and applying a change card are all-or-nothing: a write the
 * database itself refuses part-way (a task that breaks the collection's $jsonSchema validator,
 * after the project and other tasks were already written in the same transaction) leaves every
 * document as it was — through the real driver and a replica set (the embedded server is one).
 */
import { MongoServerError, ObjectId } from "mongodb";
import { closeDb } from "@/lib/server/infra/db/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import { getBoard } from "@/lib/server/services/projects/queries";
import { applyProjectChanges } from "@/lib/server/services/projects/task-changes";
import * as tasksModel from "@/models/tasks";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser } from "../chat/fixtures";
import { makeProject, plan, source } from "./fixtures";

const test = useAppDatabase();
const DOCUMENT_VALIDATION_FAILURE = 121;

afterEach(() => vi.restoreAllMocks());

async function ownedCounts(owner: ObjectId) {
  const db = test.db();
  return {
    projects: await db.collection("projects").countDocuments({ userId: owner }),
    tasks: await db.collection("tasks").countDocuments({ userId: owner }),
  };
}

/** The database's own refusal: a validation failure, not an error thrown by the test. */
function isValidationFailure(error: unknown): boolean {
  const cause = error instanceof MongoServerError ? error : (error as { cause?: unknown })?.cause;
  return cause instanceof MongoServerError && (cause.code === DOCUMENT_VALIDATION_FAILURE || cause.writeErrors?.some?.((e: { code: number }) => e.code === DOCUMENT_VALIDATION_FAILURE) === true);
}

/**
 * What other readers saw happen to projects and tasks while `body` ran: every committed write is on
 * the change stream, so a half-made project that was cleaned up afterwards would still show here.
 */
async function committedDuring(body: () => Promise<unknown>): Promise<string[]> {
  const db = test.db();
  const stream = db.watch([], { maxAwaitTimeMS: 100 });
  await stream.tryNext(); // opens the stream: everything committed from here on is on it
  await body();
  const marker = new ObjectId();
  await db.collection("markers").insertOne({ _id: marker });
  const seen: string[] = [];
  for (let change = await stream.next(); ; change = await stream.next()) {
    if (!("ns" in change) || !("documentKey" in change)) continue;
    if (change.ns.coll === "markers" && marker.equals(change.documentKey._id as ObjectId)) break;
    if (change.ns.coll === "projects" || change.ns.coll === "tasks") seen.push(`${change.operationType} ${change.ns.coll}`);
  }
  await stream.close();
  return seen;
}

describe("creating a project with its tasks", () => {
  it("writes nothing when the database refuses the last task after the project and the others were written", async () => {
    const { owner } = await makeUser("atomic-plan");
    const insertTasks = tasksModel.insertTasks;
    // The real insert, with one more task the validator refuses (status outside its enum) at the end.
    vi.spyOn(tasksModel, "insertTasks").mockImplementationOnce((docs) =>
      insertTasks([...docs, { ...docs[0]!, _id: new ObjectId(), status: "someday" as never }]),
    );
    let error: unknown;
    const seen = await committedDuring(async () => (error = await createProjectFromPlan(owner, plan(), source()).catch((e: unknown) => e)));
    expect(isValidationFailure(error)).toBe(true);
    expect(await ownedCounts(owner)).toEqual({ projects: 0, tasks: 0 });
    // Not written and then removed: never committed, so no other tab or instance ever saw it.
    expect(seen).toEqual([]);

    // The same plan then goes through whole.
    const { projectId } = await createProjectFromPlan(owner, plan(), source());
    expect((await getBoard(owner, projectId)).tasks).toHaveLength(3);
    expect(await ownedCounts(owner)).toEqual({ projects: 1, tasks: 3 });
  });

  it("works on a fresh database: the collections, validators and indexes are made outside the transaction", async () => {
    const { owner } = await makeUser("fresh-db");
    const db = test.db();
    await db.collection("tasks").drop();
    await db.collection("projects").drop();
    // A new client: its first use of projects and tasks is inside the transaction's body, where the
    // embedded server (as a guard against drift) refuses create and createIndexes.
    await closeDb();
    const { projectId } = await createProjectFromPlan(owner, plan(), source());
    expect((await getBoard(owner, projectId)).tasks).toHaveLength(3);
    const made = await db.listCollections({ name: { $in: ["projects", "tasks"] } }).toArray();
    expect(made.map((c) => [c.name, "validator" in (c as { options: object }).options]).sort()).toEqual([["projects", true], ["tasks", true]]);
    expect((await db.collection("tasks").indexes()).length).toBeGreaterThan(1);
  });
});

describe("applying a change card", () => {
  it("changes nothing when the database refuses the last change after the others were written", async () => {
    const { owner } = await makeUser("atomic-card");
    const projectId = await makeProject(owner);
    const before = await getBoard(owner, projectId);
    const [measure, paint] = before.tasks;
    const updateTaskDoc = tasksModel.updateTaskDoc;
    // The second task update goes out with a priority the validator refuses.
    vi.spyOn(tasksModel, "updateTaskDoc")
      .mockImplementationOnce(updateTaskDoc)
      .mockImplementationOnce((o, p, id, set, unset) => updateTaskDoc(o, p, id, { ...set, priority: "urgent" as never }, unset));

    let error: unknown;
    const seen = await committedDuring(async () => {
      error = await applyProjectChanges(owner, projectId, [
        { type: "add_task", task: { title: "Hire an electrician", priority: "high" } },
        { type: "rename_project", name: "Kitchen, phase one" },
        { type: "update_task", taskId: measure!.id, status: "done" },
        { type: "update_task", taskId: paint!.id, status: "doing" },
      ]).catch((e: unknown) => e);
    });
    expect(isValidationFailure(error)).toBe(true);
    expect(seen).toEqual([]);

    const after = await getBoard(owner, projectId);
    expect(after.project).toMatchObject({ name: before.project.name, taskCounts: before.project.taskCounts });
    expect(after.tasks.map((task) => [task.title, task.status, task.priority])).toEqual(before.tasks.map((task) => [task.title, task.status, task.priority]));
  });
});
