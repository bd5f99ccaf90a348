/**
 * projects: a plan the user accepted. It keeps the role and details it was planned with, the chat
 * it came from, and per-status task counts that every task write keeps current with `$inc`, so the
 * dashboard and the projects list never count tasks. Every function takes the owner and puts it in
 * the filter: there is no "by id alone" variant.
 */
import "server-only";
import { ObjectId, type Collection } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { Owner } from "@/models/conversations";

export const PROJECT_STATUSES = ["active", "done", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

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

export async function insertProject(doc: ProjectDoc): Promise<void> {
  await (await projects()).insertOne(doc);
}

export async function findProject(owner: Owner, id: ObjectId): Promise<ProjectDoc | null> {
  return (await projects()).findOne({ _id: id, userId: owner });
}

export async function countProjects(owner: Owner): Promise<number> {
  return (await projects()).countDocuments({ userId: owner });
}

/** The user's projects with the given statuses, most recently changed first (bounded by the per-user limit). */
export async function listProjects(owner: Owner, statuses: readonly ProjectStatus[] = PROJECT_STATUSES): Promise<ProjectDoc[]> {
  return (await projects())
    .find({ userId: owner, status: { $in: [...statuses] } })
    .sort({ updatedAt: -1, _id: -1 })
    .limit(MAX_PROJECTS_PER_USER)
    .toArray();
}

export async function updateProjectFields(
  owner: Owner,
  id: ObjectId,
  fields: Partial<Pick<ProjectDoc, "name" | "description" | "status">>,
): Promise<ProjectDoc | null> {
  return (await projects()).findOneAndUpdate(
    { _id: id, userId: owner },
    { $set: { ...fields, updatedAt: new Date() } },
    { returnDocument: "after" },
  );
}

/**
 * Reserves room for `count` new tasks: adds them to the counts only while the project stays within
 * `max` tasks, so two concurrent adds can never push it past the limit. False when there is no room
 * (or no such project for this owner).
 */
export async function reserveTasks(owner: Owner, id: ObjectId, status: TaskStatus, count: number, max: number): Promise<boolean> {
  const total = { $add: ["$taskCounts.todo", "$taskCounts.doing", "$taskCounts.done"] };
  const result = await (await projects()).updateOne(
    { _id: id, userId: owner, $expr: { $lte: [{ $add: [total, count] }, max] } },
    { $inc: { [`taskCounts.${status}`]: count }, $set: { updatedAt: new Date() } },
  );
  return result.matchedCount === 1;
}

/** Applies task-count deltas (e.g. {todo: -1, done: 1} for a task moved to Done). */
export async function adjustTaskCounts(owner: Owner, id: ObjectId, deltas: Partial<TaskCounts>): Promise<void> {
  const inc = Object.fromEntries(
    Object.entries(deltas)
      .filter(([, delta]) => delta !== 0)
      .map(([status, delta]) => [`taskCounts.${status}`, delta]),
  );
  await (await projects()).updateOne({ _id: id, userId: owner }, { ...(Object.keys(inc).length ? { $inc: inc } : {}), $set: { updatedAt: new Date() } });
}

export async function deleteProjectDoc(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await (await projects()).deleteOne({ _id: id, userId: owner })).deletedCount === 1;
}
