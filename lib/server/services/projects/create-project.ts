/**
 * Turns an accepted plan into a project and its tasks, in one transaction: the limit check, the
 * project and every task commit together or not at all, so a failure part-way (or a crash)
 * leaves no half-made project and no orphaned tasks.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { keysAfter } from "@/lib/server/services/projects/order-keys";
import { parseInput } from "@/lib/server/services/projects/parse-input";
import { planSchema, type Plan } from "@/lib/shared/projects/plan-schema";
import { buildTaskDocs } from "@/lib/server/services/projects/task-writes";
import type { Owner } from "@/models/conversations";
import { countProjects, insertProject, MAX_PROJECTS_PER_USER, type ProjectDoc } from "@/models/projects";
import { insertTasks } from "@/models/tasks";

export interface PlanSource {
  conversationId: ObjectId;
  messageId?: ObjectId;
  roleId: string;
  details: Record<string, unknown>;
}

export async function createProjectFromPlan(owner: Owner, plan: Plan, source: PlanSource): Promise<{ projectId: string }> {
  // The plan may have been edited on a card in the browser: validate it again here.
  const valid = parseInput(planSchema, plan, "invalid:plan");
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
  await inTransaction(async () => {
    if ((await countProjects(owner)) >= MAX_PROJECTS_PER_USER) {
      throw new AppError(
        "conflict:project_limit",
        `You can have at most ${MAX_PROJECTS_PER_USER} projects. Delete one you no longer need to create another.`,
      );
    }
    await insertProject(project);
    await insertTasks(tasks);
  });
  return { projectId: projectId.toHexString() };
}
