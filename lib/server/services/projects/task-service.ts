/**
 * The board's task operations for one owner: add, edit, move/reorder, delete. Inputs are
 * validated here (they come from server actions), ids are checked against the owner and the
 * project, and every write keeps the project's task counts current.
 */
import "server-only";
import { AppError } from "@/lib/shared/errors";
import { toTaskDTO } from "@/lib/server/services/projects/dto";
import { parseInput } from "@/lib/server/services/projects/parse-input";
import { parseIdOr404, requireProject, requireTask } from "@/lib/server/services/projects/project-access";
import { newTaskSchema, taskMoveSchema, taskPatchSchema } from "@/lib/shared/projects/task-schemas";
import { keyBetween } from "@/lib/server/services/projects/order-keys";
import { appendTasks, endOfColumnKey, placeTask, type TaskFieldChanges } from "@/lib/server/services/projects/task-writes";
import type { TaskDTO } from "@/lib/shared/projects/types";
import type { Owner } from "@/models/conversations";
import { adjustTaskCounts, type ProjectDoc } from "@/models/projects";
import { deleteTaskDoc, findTasks, neighbourOrder, type TaskDoc } from "@/models/tasks";

export async function addTask(owner: Owner, projectId: unknown, input: unknown): Promise<TaskDTO> {
  const { status, ...task } = parseInput(newTaskSchema, input, "invalid:task");
  const project = await requireProject(owner, projectId);
  const [doc] = await appendTasks(owner, project, [task], status);
  if (!doc) throw new AppError("internal", "The task was not stored.");
  return toTaskDTO(doc);
}

/** Edits fields; a status change puts the task at the end of its new column. */
export async function updateTask(owner: Owner, projectId: unknown, taskId: unknown, input: unknown): Promise<TaskDTO> {
  const patch = parseInput(taskPatchSchema, input, "invalid:task");
  const project = await requireProject(owner, projectId);
  const task = await requireTask(owner, project, taskId);
  return toTaskDTO(await editTask(owner, project, task, patch));
}

export interface TaskPatch {
  title?: string;
  notes?: string;
  priority?: TaskDoc["priority"];
  status?: TaskDoc["status"];
  dueDate?: string | null;
}

/** Applies a validated patch to an owned task (shared with applied change cards). */
export async function editTask(owner: Owner, project: ProjectDoc, task: TaskDoc, patch: TaskPatch): Promise<TaskDoc> {
  const status = patch.status ?? task.status;
  // Staying in the same column keeps the task's own place.
  const order = status === task.status ? task.order : await endOfColumnKey(owner, project, status, task._id);
  const extra: TaskFieldChanges = {};
  const unset: ("notes" | "dueDate")[] = [];
  if (patch.title !== undefined) extra.title = patch.title;
  if (patch.priority !== undefined) extra.priority = patch.priority;
  if (patch.notes !== undefined) {
    if (patch.notes) extra.notes = patch.notes;
    else unset.push("notes");
  }
  if (patch.dueDate !== undefined) {
    if (patch.dueDate) extra.dueDate = patch.dueDate;
    else unset.push("dueDate");
  }
  return placeTask(owner, project, task, status, order, extra, unset);
}

/**
 * Moves a task into `status` between the tasks the user dropped it between. Either neighbour may
 * be absent (an end of the column, or hidden by a filter); the missing side is read from the
 * column, so the task lands right next to the one it was dropped by. One task write.
 */
export async function moveTask(owner: Owner, projectId: unknown, taskId: unknown, input: unknown): Promise<TaskDTO> {
  const move = parseInput(taskMoveSchema, input, "invalid:move");
  const project = await requireProject(owner, projectId);
  const task = await requireTask(owner, project, taskId);
  const neighbourIds = [move.beforeId, move.afterId].filter((id): id is string => id !== null).map((id) => parseIdOr404(id, "task"));
  const neighbours = await findTasks(owner, project._id, neighbourIds);
  const byId = new Map(neighbours.map((doc) => [doc._id.toHexString(), doc]));
  const above = move.beforeId ? byId.get(move.beforeId.toLowerCase()) : undefined;
  const below = move.afterId ? byId.get(move.afterId.toLowerCase()) : undefined;
  if ((move.beforeId && !above) || (move.afterId && !below)) throw new AppError("not_found:task");
  if ((above && above.status !== move.status) || (below && below.status !== move.status) || above?._id.equals(task._id) || below?._id.equals(task._id)) {
    throw new AppError("invalid:move", "Those tasks are not next to each other in that column. Reload the board and try again.");
  }
  // A missing side is read from the column, so the task lands right beside its one known neighbour.
  const beforeKey = above ? above.order : below ? await neighbourOrder(owner, project._id, move.status, below.order, "before", task._id) : null;
  let afterKey = below ? below.order : above ? await neighbourOrder(owner, project._id, move.status, above.order, "after", task._id) : null;
  if (!above && !below) {
    // Dropped into an empty (or fully filtered) column: go to its end.
    return toTaskDTO(await placeTask(owner, project, task, move.status, await endOfColumnKey(owner, project, move.status, task._id)));
  }
  if (beforeKey !== null && afterKey !== null && beforeKey >= afterKey) {
    // Stale neighbours (another tab moved one): land just after the task above.
    afterKey = await neighbourOrder(owner, project._id, move.status, beforeKey, "after", task._id);
  }
  return toTaskDTO(await placeTask(owner, project, task, move.status, keyBetween(beforeKey, afterKey)));
}

export async function deleteTask(owner: Owner, projectId: unknown, taskId: unknown): Promise<void> {
  const project = await requireProject(owner, projectId);
  const deleted = await deleteTaskDoc(owner, project._id, parseIdOr404(taskId, "task"));
  if (!deleted) throw new AppError("not_found:task");
  await adjustTaskCounts(owner, project._id, { [deleted.status]: -1 });
}
