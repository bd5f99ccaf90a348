/**
 * tasks: one card on a project's board. `order` is a fractional-indexing key, compared as a string
 * within a column, so a move between two tasks is one write. `dueDate` is a calendar day
 * ("2027-03-14"), which sorts correctly as a string. Every function takes the owner and puts it in
 * the filter; the project's task counts are kept by the services that call these.
 */
import "server-only";
import { ObjectId, type Collection, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { aggregateWith, deleteWith, findOneWith, findWith, insertManyWith, modifyWith } from "@/lib/server/infra/db/query-shape";
import {
  TASK_NOTES_MAX,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_TITLE_MAX,
  type TaskPriority,
  type TaskStatus,
} from "@/lib/shared/projects/plan-schema";
import type { Owner } from "@/models/conversations";
import { TASKS_COLLECTION, taskQueries as q } from "@/models/tasks-queries";

export { OPEN_TASK_STATUSES, tasksHotQueries } from "@/models/tasks-queries";

export interface TaskSource {
  conversationId: ObjectId;
  messageId?: ObjectId;
}

export interface TaskDoc {
  _id: ObjectId;
  userId: Owner;
  projectId: ObjectId;
  title: string;
  notes?: string;
  status: TaskStatus;
  priority: TaskPriority;
  order: string;
  dueDate?: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt?: Date;
  /** The conversation (and message) that proposed the task; absent for tasks added by hand. */
  source?: TaskSource;
}

export const tasksModel = defineModel({
  collection: TASKS_COLLECTION,
  indexes: [
    // A project's board: each column in order, _id breaking ties (listProjectTasks); a column's
    // neighbour order keys (neighbourOrder); a project's tasks (findTasks, deleteProjectTasks).
    { key: { userId: 1, projectId: 1, status: 1, order: 1, _id: 1 }, name: "userId_projectId_status_order_id" },
    // A user's dated tasks by due date across projects (listOpenTasksDueBy, nextDueTaskByProject).
    // Status is not in the key: the filter is status $in [todo, doing], and an index walk cannot
    // give one due-date order across two status values; done tasks are skipped on the walk.
    { key: { userId: 1, dueDate: 1, _id: 1 }, name: "userId_dueDate_id" },
    // Account deletion also removes the tasks of the user's projects by projectId alone (lib/server/services/account/delete-account.ts).
    { key: { projectId: 1 }, name: "projectId" },
    // The data export reads a user's tasks in _id order (lib/server/services/account/export-user-data.ts).
    { key: { userId: 1, _id: 1 }, name: "userId_id" },
    // Search (models/search.ts): the title weighs above the notes.
    { key: { userId: 1, title: "text", notes: "text" }, name: "userId_title_notes_text", weights: { title: 3, notes: 1 } },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "projectId", "title", "status", "priority", "order", "createdAt", "updatedAt"],
    properties: {
      userId: { bsonType: "objectId" },
      projectId: { bsonType: "objectId" },
      title: { bsonType: "string", minLength: 1, maxLength: TASK_TITLE_MAX },
      notes: { bsonType: "string", maxLength: TASK_NOTES_MAX },
      status: { enum: [...TASK_STATUSES] },
      priority: { enum: [...TASK_PRIORITIES] },
      order: { bsonType: "string", minLength: 1 },
      dueDate: { bsonType: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
      completedAt: { bsonType: "date" },
      source: {
        bsonType: "object",
        required: ["conversationId"],
        properties: { conversationId: { bsonType: "objectId" }, messageId: { bsonType: "objectId" } },
      },
    },
  },
});

async function tasks(): Promise<Collection<TaskDoc>> {
  return modelCollection<TaskDoc>(tasksModel);
}

export async function insertTasks(docs: TaskDoc[]): Promise<void> {
  await insertManyWith(await tasks(), docs);
}

/** The whole board, column by column in order (bounded by the per-project limit). */
export async function listProjectTasks(owner: Owner, projectId: ObjectId): Promise<TaskDoc[]> {
  return findWith(await tasks(), q.board(owner, projectId)).toArray();
}

export async function findTask(owner: Owner, projectId: ObjectId, id: ObjectId): Promise<TaskDoc | null> {
  return findOneWith(await tasks(), q.find(owner, projectId, id));
}

export async function findTasks(owner: Owner, projectId: ObjectId, ids: ObjectId[]): Promise<TaskDoc[]> {
  return findWith(await tasks(), q.findMany(owner, projectId, ids)).toArray();
}

/** The order key next to `from` in a column: the first one above it ("after") or below it ("before"); null at the end. */
export async function neighbourOrder(
  owner: Owner,
  projectId: ObjectId,
  status: TaskStatus,
  from: string | null,
  direction: "after" | "before",
  exclude?: ObjectId,
): Promise<string | null> {
  const doc = await findWith(await tasks(), q.neighbour(owner, projectId, status, from, direction, exclude)).next();
  return doc?.order ?? null;
}

/** Updates a task and returns it as it was before (null when this owner has no such task in the project). */
export async function updateTaskDoc(
  owner: Owner,
  projectId: ObjectId,
  id: ObjectId,
  set: Partial<Omit<TaskDoc, "_id" | "userId" | "projectId" | "createdAt">>,
  unset: ("notes" | "dueDate" | "completedAt")[] = [],
): Promise<TaskDoc | null> {
  return modifyWith(await tasks(), q.update(owner, projectId, id, { ...set, updatedAt: new Date() }, unset), "before");
}

export async function deleteTaskDoc(owner: Owner, projectId: ObjectId, id: ObjectId): Promise<TaskDoc | null> {
  return modifyWith(await tasks(), q.delete(owner, projectId, id));
}

export async function deleteProjectTasks(owner: Owner, projectId: ObjectId): Promise<number> {
  return deleteWith(await tasks(), q.deleteOfProject(owner, projectId));
}

/** Open tasks due on or before `until` (a calendar day) in the given projects, earliest first. */
export async function listOpenTasksDueBy(owner: Owner, projectIds: ObjectId[], until: string, limit: number): Promise<TaskDoc[]> {
  if (projectIds.length === 0) return [];
  return findWith(await tasks(), q.openDueBy(owner, projectIds, until, limit)).toArray();
}

/** The earliest-due open task of each given project (projects without a dated open task are absent). */
export async function nextDueTaskByProject(owner: Owner, projectIds: ObjectId[]): Promise<Map<string, TaskDoc>> {
  if (projectIds.length === 0) return new Map();
  const rows = await aggregateWith<{ _id: ObjectId; task: TaskDoc }, TaskDoc>(await tasks(), q.nextDueByProject(owner, projectIds)).toArray();
  return new Map(rows.map((row) => [row._id.toHexString(), row.task]));
}

/** Account deletion: the owner's tasks and, for safety, any left under the owner's projects. */
export async function deleteAllForOwner(owner: Owner, projectIds: readonly ObjectId[]): Promise<number> {
  return deleteWith(await tasks(), q.deleteOfUser(owner, projectIds));
}

/** The data export, in _id order, streamed in batches. */
export async function exportTasks(owner: Owner, batchSize: number): Promise<FindCursor<WithId<TaskDoc>>> {
  return findWith(await tasks(), q.export(owner), { batchSize });
}
