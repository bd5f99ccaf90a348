/**
 * projects: a plan the user accepted. It keeps the role and details it was planned with, the chat
 * it came from, and per-status task counts that every task write keeps current with `$inc`, so the
 * dashboard and the projects list never count tasks. Every function takes the owner and puts it in
 * the filter: there is no "by id alone" variant.
 */
import "server-only";
import { ObjectId, type Collection, type Filter, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { countWith, deleteWith, findOneWith, findWith, hotQueriesOf, insertOneWith, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { MAX_TASKS_PER_PROJECT, PROJECT_STATUSES, type ProjectStatus, type TaskStatus } from "@/lib/shared/projects/plan-schema";

import { ownerForms, type Owner } from "@/models/conversations";


export type TaskCounts = Record<TaskStatus, number>;

export interface ProjectDoc {
  _id: ObjectId;
  userId: Owner;
  name: string;
  description: string;
  status: ProjectStatus;
  roleId: string;
  /** The details form as it was when the project was planned (a snapshot, never rewritten). */
  details: Record<string, unknown>;
  conversationId: ObjectId;
  /** The message whose plan became this project, when known. */
  messageId?: ObjectId;
  taskCounts: TaskCounts;
  createdAt: Date;
  updatedAt: Date;
}

/** A list reads at most this many projects; it is also the per-user limit, so nothing is cut off. */
export const MAX_PROJECTS_PER_USER = 100;

const countSchema = { bsonType: ["int", "long", "double"], minimum: 0 };

export const projectsModel = defineModel({
  collection: "projects",
  indexes: [
    // listProjects: a user's projects, most recently changed first, with _id as the tie-break the
    // sort uses. Status is not in the key: the filter is a status $in (all three on /projects), and
    // an index walk cannot give one order across several status values; a user has at most
    // MAX_PROJECTS_PER_USER projects, so filtering status on the walk reads little.
    { key: { userId: 1, updatedAt: -1, _id: -1 }, name: "userId_updatedAt_id" },
    // The data export reads a user's projects in _id order (lib/server/services/account/export-user-data.ts).
    { key: { userId: 1, _id: 1 }, name: "userId_id" },
    // Search (models/search.ts): the name weighs above the description.
    { key: { userId: 1, name: "text", description: "text" }, name: "userId_name_description_text", weights: { name: 3, description: 1 } },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "name", "description", "status", "roleId", "details", "conversationId", "taskCounts", "createdAt", "updatedAt"],
    properties: {
      userId: { bsonType: "objectId" },
      name: { bsonType: "string", minLength: 1, maxLength: 120 },
      description: { bsonType: "string", maxLength: 2000 },
      status: { enum: [...PROJECT_STATUSES] },
      roleId: { bsonType: "string", minLength: 1 },
      details: { bsonType: "object" },
      conversationId: { bsonType: "objectId" },
      messageId: { bsonType: "objectId" },
      taskCounts: {
        bsonType: "object",
        required: ["todo", "doing", "done"],
        properties: { todo: countSchema, doing: countSchema, done: countSchema },
      },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
    },
  },
});

async function projects(): Promise<Collection<ProjectDoc>> {
  return modelCollection<ProjectDoc>(projectsModel);
}

const byId = (owner: Owner, id: ObjectId) => ({ _id: id, userId: owner });
const TOTAL_TASKS = { $add: ["$taskCounts.todo", "$taskCounts.doing", "$taskCounts.done"] };

export const projectQueries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<ProjectDoc>({ filter: byId(owner, id) }),
  count: (owner: Owner) => shape.count<ProjectDoc>({ userId: owner }),
  list: (owner: Owner, statuses: readonly ProjectStatus[]) =>
    shape.find<ProjectDoc>({ filter: { userId: owner, status: { $in: [...statuses] } }, sort: { updatedAt: -1, _id: -1 }, limit: MAX_PROJECTS_PER_USER }),
  updateFields: (owner: Owner, id: ObjectId, set: Partial<ProjectDoc>) => shape.modify<ProjectDoc>({ filter: byId(owner, id), update: { $set: set } }),
  /** Matches only while the project has room for `count` more tasks (of at most `max`). */
  reserveTasks: (owner: Owner, id: ObjectId, status: TaskStatus, count: number, max: number, at: Date) =>
    shape.update<ProjectDoc>({
      filter: { ...byId(owner, id), $expr: { $lte: [{ $add: [TOTAL_TASKS, count] }, max] } },
      update: { $inc: { [`taskCounts.${status}`]: count }, $set: { updatedAt: at } },
    }),
  adjustTaskCounts: (owner: Owner, id: ObjectId, inc: Record<string, number>, at: Date) =>
    shape.update<ProjectDoc>({ filter: byId(owner, id), update: { ...(Object.keys(inc).length ? { $inc: inc } : {}), $set: { updatedAt: at } } }),
  delete: (owner: Owner, id: ObjectId) => shape.deleteOne<ProjectDoc>(byId(owner, id)),
  /** Account deletion: by the owner in either stored form. */
  idsOfUser: (owner: Owner) => shape.find<ProjectDoc>({ filter: { userId: { $in: ownerForms(owner) } } as Filter<ProjectDoc>, projection: { _id: 1 } }),
  deleteOfUser: (owner: Owner) => shape.deleteMany<ProjectDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ProjectDoc>),
  export: (owner: Owner) => shape.find<ProjectDoc>({ filter: { userId: owner }, sort: { _id: 1 } }),
};

const projectId = sampleId(4);
const pq = projectQueries;

export const projectsHotQueries = hotQueriesOf(projectsModel.collection, "models/projects.ts", {
  find: ["findProject", pq.find(SAMPLE_OWNER, projectId)],
  count: ["countProjects", pq.count(SAMPLE_OWNER)],
  listAll: ["listProjects", pq.list(SAMPLE_OWNER, PROJECT_STATUSES)],
  listActive: ["listProjects", pq.list(SAMPLE_OWNER, ["active"])],
  updateFields: ["updateProjectFields", pq.updateFields(SAMPLE_OWNER, projectId, { name: "n", updatedAt: SAMPLE_DATE })],
  reserveTasks: ["reserveTasks", pq.reserveTasks(SAMPLE_OWNER, projectId, "todo", 1, MAX_TASKS_PER_PROJECT, SAMPLE_DATE)],
  adjustTaskCounts: ["adjustTaskCounts", pq.adjustTaskCounts(SAMPLE_OWNER, projectId, { "taskCounts.todo": -1, "taskCounts.done": 1 }, SAMPLE_DATE)],
  delete: ["deleteProjectDoc", pq.delete(SAMPLE_OWNER, projectId)],
  idsOfOwner: ["listIdsForOwner", pq.idsOfUser(SAMPLE_OWNER)],
  deleteOfUser: ["deleteAllForOwner", pq.deleteOfUser(SAMPLE_OWNER)],
  export: ["exportProjects", pq.export(SAMPLE_OWNER)],
});

export async function insertProject(doc: ProjectDoc): Promise<void> {
  await insertOneWith(await projects(), doc);
}

export async function findProject(owner: Owner, id: ObjectId): Promise<ProjectDoc | null> {
  return findOneWith(await projects(), pq.find(owner, id));
}

export async function countProjects(owner: Owner): Promise<number> {
  return countWith(await projects(), pq.count(owner));
}

/** The user's projects with the given statuses, most recently changed first (bounded by the per-user limit). */
export async function listProjects(owner: Owner, statuses: readonly ProjectStatus[] = PROJECT_STATUSES): Promise<ProjectDoc[]> {
  return findWith(await projects(), pq.list(owner, statuses)).toArray();
}

export async function updateProjectFields(
  owner: Owner,
  id: ObjectId,
  fields: Partial<Pick<ProjectDoc, "name" | "description" | "status">>,
): Promise<ProjectDoc | null> {
  return modifyWith(await projects(), pq.updateFields(owner, id, { ...fields, updatedAt: new Date() }));
}

/**
 * Reserves room for `count` new tasks: adds them to the counts only while the project stays within
 * `max` tasks, so two concurrent adds can never push it past the limit. False when there is no room
 * (or no such project for this owner).
 */
export async function reserveTasks(owner: Owner, id: ObjectId, status: TaskStatus, count: number, max: number): Promise<boolean> {
  const result = await updateWith(await projects(), pq.reserveTasks(owner, id, status, count, max, new Date()));
  return result.matchedCount === 1;
}

/** Applies task-count deltas (e.g. {todo: -1, done: 1} for a task moved to Done). */
export async function adjustTaskCounts(owner: Owner, id: ObjectId, deltas: Partial<TaskCounts>): Promise<void> {
  const inc = Object.fromEntries(
    Object.entries(deltas)
      .filter(([, delta]) => delta !== 0)
      .map(([status, delta]) => [`taskCounts.${status}`, delta]),
  );
  await updateWith(await projects(), pq.adjustTaskCounts(owner, id, inc, new Date()));
}

export async function deleteProjectDoc(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await deleteWith(await projects(), pq.delete(owner, id))) === 1;
}

/** Account deletion: ids of every project of the owner (in either stored form), so their tasks go too. */
export async function listIdsForOwner(owner: Owner): Promise<ObjectId[]> {
  return (await findWith(await projects(), pq.idsOfUser(owner)).toArray()).map((doc) => doc._id);
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await projects(), pq.deleteOfUser(owner));
}

/** The data export, in _id order, streamed in batches. */
export async function exportProjects(owner: Owner, batchSize: number): Promise<FindCursor<WithId<ProjectDoc>>> {
  return findWith(await projects(), pq.export(owner), { batchSize });
}
