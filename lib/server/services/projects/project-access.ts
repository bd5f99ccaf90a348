/**
 * Turns ids from a client into owned documents: a malformed id, another user's project or a task
 * of another project are all the same "not found", so nothing leaks whether an id exists.
 */
import "server-only";
import type { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";
import { parseObjectId } from "@/models/conversations";
import { findProject, type ProjectDoc } from "@/models/projects";
import { findTask, type TaskDoc } from "@/models/tasks";

export function parseIdOr404(id: unknown, subject: "project" | "task"): ObjectId {
  const parsed = parseObjectId(id);
  if (!parsed) throw new AppError(`not_found:${subject}`);
  return parsed;
}

export async function requireProject(owner: Owner, projectId: unknown): Promise<ProjectDoc> {
  const project = await findProject(owner, parseIdOr404(projectId, "project"));
  if (!project) throw new AppError("not_found:project");
  return project;
}

export async function requireTask(owner: Owner, project: ProjectDoc, taskId: unknown): Promise<TaskDoc> {
  const task = await findTask(owner, project._id, parseIdOr404(taskId, "task"));
  if (!task) throw new AppError("not_found:task");
  return task;
}
