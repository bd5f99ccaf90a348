/**
 * The task writes every caller shares (board actions, applied change cards, new projects). Each
 * keeps the project's taskCounts current with `$inc` next to the task write: room is reserved
 * before inserting (so the 500-task limit holds under concurrency), in the same transaction as
 * the insert, so a refused insert gives the room back with everything else.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { keyBetween, keysAfter } from "@/lib/server/services/projects/order-keys";
import { MAX_TASKS_PER_PROJECT, type PlanTask, type TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { Owner } from "@/models/conversations";
import { adjustTaskCounts, reserveTasks, type ProjectDoc } from "@/models/projects";
import { insertTasks, neighbourOrder, updateTaskDoc, type TaskDoc, type TaskSource } from "@/models/tasks";

export function taskLimitError(): AppError {
  return new AppError("conflict:task_limit", `A project can hold at most ${MAX_TASKS_PER_PROJECT} tasks. Delete some before adding more.`);
}

/** Builds task documents (not yet stored) for a column, in the given order. */
export function buildTaskDocs(
  owner: Owner,
  projectId: ObjectId,
  tasks: readonly PlanTask[],
  status: TaskStatus,
  orderKeys: readonly string[],
  source?: TaskSource,
): TaskDoc[] {
  const now = new Date();
  return tasks.map((task, index) => ({
    _id: new ObjectId(),
    userId: owner,
    projectId,
    title: task.title,
    ...(task.notes ? { notes: task.notes } : {}),
    status,
    priority: task.priority,
    order: orderKeys[index] ?? "",
    ...(task.dueDate ? { dueDate: task.dueDate } : {}),
    createdAt: now,
    updatedAt: now,
    ...(status === "done" ? { completedAt: now } : {}),
    ...(source ? { source } : {}),
  }));
}

/** Adds tasks to the end of a column of an existing project. */
export async function appendTasks(
  owner: Owner,
  project: ProjectDoc,
  tasks: readonly PlanTask[],
  status: TaskStatus,
  source?: TaskSource,
): Promise<TaskDoc[]> {
  if (tasks.length === 0) return [];
  // Joins the caller's transaction (an applied change card) or opens its own (the board's Add).
  return inTransaction(async () => {
    if (!(await reserveTasks(owner, project._id, status, tasks.length, MAX_TASKS_PER_PROJECT))) throw taskLimitError();
    const last = await neighbourOrder(owner, project._id, status, null, "before");
    const docs = buildTaskDocs(owner, project._id, tasks, status, keysAfter(last, tasks.length), source);
    await insertTasks(docs);
    return docs;
  });
}

export type TaskFieldChanges = Partial<Pick<TaskDoc, "title" | "notes" | "priority" | "dueDate">>;

/** Writes a task into `status` at `order` (with any field changes) and moves its count if the column changed. */
export async function placeTask(
  owner: Owner,
  project: ProjectDoc,
  task: TaskDoc,
  status: TaskStatus,
  order: string,
  extra: TaskFieldChanges = {},
  unset: ("notes" | "dueDate")[] = [],
): Promise<TaskDoc> {
  const changesColumn = task.status !== status;
  const completion = changesColumn && status === "done" ? { completedAt: new Date() } : {};
  const clearCompletion = changesColumn && task.status === "done" ? (["completedAt"] as const) : [];
  const set = { ...extra, status, order, ...completion };
  const removed = [...unset, ...clearCompletion];
  const previous = await updateTaskDoc(owner, project._id, task._id, set, removed);
  if (!previous) throw new AppError("not_found:task");
  if (previous.status !== status) await adjustTaskCounts(owner, project._id, { [previous.status]: -1, [status]: 1 });
  const updated: TaskDoc = { ...previous, ...set, updatedAt: new Date() };
  for (const field of removed) delete updated[field];
  return updated;
}

/** A key at the end of the `status` column, ignoring the task itself. */
export async function endOfColumnKey(owner: Owner, project: ProjectDoc, status: TaskStatus, exclude: ObjectId): Promise<string> {
  return keyBetween(await neighbourOrder(owner, project._id, status, null, "before", exclude), null);
}
