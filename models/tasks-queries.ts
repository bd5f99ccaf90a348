/**
 * Every query models/tasks.ts sends, as shape builders the model's functions run, and
 * `tasksHotQueries`: the same builders with sample values, for db:check. Split from tasks.ts only
 * to keep each file short.
 */
import "server-only";
import type { Filter, ObjectId } from "mongodb";
import { hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import { MAX_TASKS_PER_PROJECT, type TaskStatus } from "@/lib/shared/projects/plan-schema";
import { ownerForms, type Owner } from "@/models/conversations";
import type { TaskDoc } from "@/models/tasks";

export const TASKS_COLLECTION = "tasks";
/** Not done: what the dashboard's due lists show. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ["todo", "doing"];

const inProject = (owner: Owner, projectId: ObjectId) => ({ userId: owner, projectId });
const byId = (owner: Owner, projectId: ObjectId, id: ObjectId) => ({ _id: id, ...inProject(owner, projectId) });
const openIn = (owner: Owner, projectIds: ObjectId[]) => ({ userId: owner, status: { $in: [...OPEN_TASK_STATUSES] }, projectId: { $in: projectIds } });

export const taskQueries = {
  board: (owner: Owner, projectId: ObjectId) =>
    shape.find<TaskDoc>({ filter: inProject(owner, projectId), sort: { status: 1, order: 1, _id: 1 }, limit: MAX_TASKS_PER_PROJECT }),
  find: (owner: Owner, projectId: ObjectId, id: ObjectId) => shape.findOne<TaskDoc>({ filter: byId(owner, projectId, id) }),
  findMany: (owner: Owner, projectId: ObjectId, ids: ObjectId[]) =>
    shape.find<TaskDoc>({ filter: { _id: { $in: ids }, ...inProject(owner, projectId) }, limit: ids.length }),
  /** The order key next to `from` in a column (the column's end when `from` is null). */
  neighbour: (owner: Owner, projectId: ObjectId, status: TaskStatus, from: string | null, direction: "after" | "before", exclude?: ObjectId) => {
    const filter: Filter<TaskDoc> = { ...inProject(owner, projectId), status };
    if (from !== null) filter.order = direction === "after" ? { $gt: from } : { $lt: from };
    if (exclude) filter._id = { $ne: exclude };
    return shape.find<TaskDoc>({ filter, projection: { order: 1 }, sort: { order: direction === "after" ? 1 : -1 }, limit: 1 });
  },
  update: (owner: Owner, projectId: ObjectId, id: ObjectId, set: Partial<TaskDoc>, unset: readonly string[]) =>
    shape.modify<TaskDoc>({
      filter: byId(owner, projectId, id),
      update: { $set: set, ...(unset.length ? { $unset: Object.fromEntries(unset.map((field) => [field, ""])) } : {}) },
    }),
  delete: (owner: Owner, projectId: ObjectId, id: ObjectId) => shape.modify<TaskDoc>({ filter: byId(owner, projectId, id), remove: true }),
  deleteOfProject: (owner: Owner, projectId: ObjectId) => shape.deleteMany<TaskDoc>(inProject(owner, projectId)),
  openDueBy: (owner: Owner, projectIds: ObjectId[], until: string, limit: number) =>
    shape.find<TaskDoc>({ filter: { ...openIn(owner, projectIds), dueDate: { $lte: until } }, sort: { dueDate: 1, _id: 1 }, limit }),
  nextDueByProject: (owner: Owner, projectIds: ObjectId[]) =>
    shape.aggregate([
      { $match: { ...openIn(owner, projectIds), dueDate: { $exists: true } } },
      { $sort: { dueDate: 1, _id: 1 } },
      { $group: { _id: "$projectId", task: { $first: "$$ROOT" } } },
    ]),
  /** Account deletion: by owner (in either stored form) and, for safety, by the owner's projects. */
  deleteOfUser: (owner: Owner, projectIds: readonly ObjectId[]) =>
    shape.deleteMany<TaskDoc>({ $or: [{ userId: { $in: ownerForms(owner) } }, { projectId: { $in: projectIds.flatMap(ownerForms) } }] } as Filter<TaskDoc>),
  export: (owner: Owner) => shape.find<TaskDoc>({ filter: { userId: owner }, sort: { _id: 1 } }),
};

const owner = SAMPLE_OWNER;
const projectId = sampleId(4);
const taskId = sampleId(5);
const q = taskQueries;

export const tasksHotQueries = hotQueriesOf(TASKS_COLLECTION, "models/tasks.ts", {
  board: ["listProjectTasks", q.board(owner, projectId)],
  find: ["findTask", q.find(owner, projectId, taskId)],
  findMany: ["findTasks", q.findMany(owner, projectId, [taskId, sampleId(3)])],
  columnEnd: ["neighbourOrder", q.neighbour(owner, projectId, "todo", null, "before")],
  neighbourAfter: ["neighbourOrder", q.neighbour(owner, projectId, "todo", "a0", "after", taskId)],
  neighbourBefore: ["neighbourOrder", q.neighbour(owner, projectId, "todo", "a0", "before", taskId)],
  update: ["updateTaskDoc", q.update(owner, projectId, taskId, { status: "done", completedAt: SAMPLE_DATE, updatedAt: SAMPLE_DATE }, ["dueDate"])],
  delete: ["deleteTaskDoc", q.delete(owner, projectId, taskId)],
  deleteOfProject: ["deleteProjectTasks", q.deleteOfProject(owner, projectId)],
  openDueBy: ["listOpenTasksDueBy", q.openDueBy(owner, [projectId], "2026-01-08", 20)],
  nextDueByProject: ["nextDueTaskByProject", q.nextDueByProject(owner, [projectId])],
  deleteOfUser: ["deleteAllForOwner", q.deleteOfUser(owner, [projectId])],
  export: ["exportTasks", q.export(owner)],
});
