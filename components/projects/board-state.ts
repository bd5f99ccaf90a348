/**
 * Pure helpers for the board's client state: columns in order, a task moved to a position, and
 * the neighbours the server needs to place it. Client-safe.
 */
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { TaskDTO } from "@/lib/shared/projects/types";

export const COLUMNS: readonly { status: TaskStatus; title: string }[] = [
  { status: "todo", title: "To do" },
  { status: "doing", title: "Doing" },
  { status: "done", title: "Done" },
];

export type Columns = Record<TaskStatus, TaskDTO[]>;

/** Tasks arrive sorted by (status, order): keep that order inside each column. */
export function toColumns(tasks: readonly TaskDTO[]): Columns {
  const columns: Columns = { todo: [], doing: [], done: [] };
  for (const task of tasks) columns[task.status].push(task);
  return columns;
}

export function fromColumns(columns: Columns): TaskDTO[] {
  return COLUMNS.flatMap(({ status }) => columns[status]);
}

export function findStatus(columns: Columns, taskId: string): TaskStatus | null {
  return COLUMNS.find(({ status }) => columns[status].some((task) => task.id === taskId))?.status ?? null;
}

/** The columns with `taskId` taken out and put into `status` at `index` (clamped). */
export function moveWithin(columns: Columns, taskId: string, status: TaskStatus, index: number): Columns {
  const from = findStatus(columns, taskId);
  if (!from) return columns;
  const task = columns[from].find((item) => item.id === taskId);
  if (!task) return columns;
  const next: Columns = { todo: [...columns.todo], doing: [...columns.doing], done: [...columns.done] };
  next[from] = next[from].filter((item) => item.id !== taskId);
  const target = next[status];
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, { ...task, status });
  return next;
}

/** The tasks directly above and below `taskId` in a list of visible ids (what the server places it between). */
export function neighboursOf(ids: readonly string[], taskId: string): { beforeId: string | null; afterId: string | null } {
  const index = ids.indexOf(taskId);
  return { beforeId: index > 0 ? (ids[index - 1] ?? null) : null, afterId: index >= 0 ? (ids[index + 1] ?? null) : null };
}

/** Puts the server's copy of a task on the board: in place if its column is unchanged, else at the end of its new column (where the server put it). */
export function upsertTask(columns: Columns, task: TaskDTO): Columns {
  const current = findStatus(columns, task.id);
  if (current === task.status) {
    return { ...columns, [task.status]: columns[task.status].map((item) => (item.id === task.id ? task : item)) };
  }
  const next = removeTask(columns, task.id);
  return { ...next, [task.status]: [...next[task.status], task] };
}

export function removeTask(columns: Columns, taskId: string): Columns {
  return {
    todo: columns.todo.filter((task) => task.id !== taskId),
    doing: columns.doing.filter((task) => task.id !== taskId),
    done: columns.done.filter((task) => task.id !== taskId),
  };
}
