/**
 * Applies a change card the user accepted, in one transaction. Every change is checked before
 * the first write (the shape, that each named task belongs to this owner's project, that added
 * tasks fit within the limit), then the changes are written in order; a write the database
 * refuses part-way (or a crash) rolls all of them back, so a card applies wholly or not at all.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { z } from "zod";
import { AppError } from "@/lib/shared/errors";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { parseInput } from "@/lib/server/services/projects/parse-input";
import { MAX_CHANGES_PER_PROPOSAL, MAX_TASKS_PER_PROJECT, projectChangeSchema, type ProjectChange } from "@/lib/shared/projects/plan-schema";
import { requireProject } from "@/lib/server/services/projects/project-access";
import { editTask } from "@/lib/server/services/projects/task-service";
import { appendTasks, taskLimitError } from "@/lib/server/services/projects/task-writes";
import type { Owner } from "@/models/conversations";
import { updateProjectFields } from "@/models/projects";
import { findTasks } from "@/models/tasks";

const changesSchema = z.array(projectChangeSchema).min(1, "There are no changes to apply.").max(MAX_CHANGES_PER_PROPOSAL, `At most ${MAX_CHANGES_PER_PROPOSAL} changes can be applied at once.`);

export async function applyProjectChanges(owner: Owner, projectId: string, changes: ProjectChange[]): Promise<void> {
  const valid = parseInput(changesSchema, changes, "invalid:changes");
  await inTransaction(() => applyValidChanges(owner, projectId, valid));
}

async function applyValidChanges(owner: Owner, projectId: string, valid: ProjectChange[]): Promise<void> {
  const project = await requireProject(owner, projectId);

  const taskIds = [...new Set(valid.flatMap((change) => (change.type === "update_task" ? [change.taskId.toLowerCase()] : [])))];
  const tasks = await findTasks(owner, project._id, taskIds.map((id) => new ObjectId(id)));
  if (tasks.length !== taskIds.length) throw new AppError("not_found:task", "A change names a task that is not in this project. Nothing was changed.");
  const added = valid.filter((change) => change.type === "add_task").length;
  const total = project.taskCounts.todo + project.taskCounts.doing + project.taskCounts.done;
  if (total + added > MAX_TASKS_PER_PROJECT) throw taskLimitError();

  const byId = new Map(tasks.map((task) => [task._id.toHexString(), task]));
  for (const change of valid) {
    if (change.type === "add_task") {
      await appendTasks(owner, project, [change.task], "todo", { conversationId: project.conversationId });
    } else if (change.type === "rename_project") {
      await updateProjectFields(owner, project._id, { name: change.name });
    } else {
      const id = change.taskId.toLowerCase();
      const current = byId.get(id);
      if (!current) throw new AppError("not_found:task");
      const { type: _type, taskId: _taskId, ...patch } = change;
      // Later changes to the same task see the earlier ones.
      byId.set(id, await editTask(owner, project, current, patch));
    }
  }
}
