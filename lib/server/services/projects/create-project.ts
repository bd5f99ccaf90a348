/**
 * Turns an accepted plan into a project and its tasks. There is no transaction (the embedded
 * server is a standalone), so the order makes a half-made project impossible to see: the tasks
 * are written first (invisible until their project exists), then the project with its counts; if
 * anything fails, what was written is removed before the error reaches the caller.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";
import { keysAfter } from "@/lib/server/services/projects/order-keys";
import { parseInput } from "@/lib/server/services/projects/parse-input";
import { planSchema, type Plan } from "@/lib/shared/projects/plan-schema";
import { buildTaskDocs } from "@/lib/server/services/projects/task-writes";
import type { Owner } from "@/models/conversations";
import { countProjects, deleteProjectDoc, insertProject, MAX_PROJECTS_PER_USER, type ProjectDoc } from "@/models/projects";
import { deleteProjectTasks, insertTasks } from "@/models/tasks";

export interface PlanSource {
  conversationId: ObjectId;
  messageId?: ObjectId;
  roleId: string;
  details: Record<string, unknown>;
}

export async function createProjectFromPlan(owner: Owner, plan: Plan, source: PlanSource): Promise<{ projectId: string }> {
  // The plan may have been edited on a card in the browser: validate it again here.
  const valid = parseInput(planSchema, plan, "invalid:plan");
  if ((await countProjects(owner)) >= MAX_PROJECTS_PER_USER) {
    throw new AppError(
      "conflict:project_limit",
      `You can have at most ${MAX_PROJECTS_PER_USER} projects. Delete one you no longer need to create another.`,
    );
  }
  const now = new Date();
  const projectId = new ObjectId();
  const taskSource = { conversationId: source.conversationId, ...(source.messageId ? { messageId: source.messageId } : {}) };
  const tasks = buildTaskDocs(owner, projectId, valid.tasks, "todo", keysAfter(null, valid.tasks.length), taskSource);
  const project: ProjectDoc = {
    _id: projectId,
    userId: owner,
    name: valid.name,
    description: valid.description,
    status: "active",
    roleId: source.roleId,
    details: source.details,
    conversationId: source.conversationId,
    ...(source.messageId ? { messageId: source.messageId } : {}),
    taskCounts: { todo: tasks.length, doing: 0, done: 0 },
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertTasks(tasks);
    await insertProject(project);
  } catch (error) {
    await removePartialProject(owner, projectId);
    throw error;
  }
  return { projectId: projectId.toHexString() };
}

async function removePartialProject(owner: Owner, projectId: ObjectId): Promise<void> {
  try {
    await deleteProjectTasks(owner, projectId);
    await deleteProjectDoc(owner, projectId);
  } catch (cleanupError) {
    // The tasks stay unreachable without their project; say so loudly for an operator.
    logger().error({ err: cleanupError, projectId: projectId.toHexString() }, "could not clean up a half-created project");
  }
}
