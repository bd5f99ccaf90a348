/**
 * A project's own lifecycle for one owner: edit name/description, mark done/archive/reopen,
 * delete (its tasks always; its chat only if the user asks).
 */
import "server-only";
import { deleteConversation } from "@/lib/chat/conversation-service";
import { AppError, isAppError } from "@/lib/errors";
import { toProjectDTO } from "@/lib/projects/dto";
import { parseInput } from "@/lib/projects/parse-input";
import { requireProject } from "@/lib/projects/project-access";
import { projectEditSchema, projectStatusSchema } from "@/lib/projects/task-schemas";
import type { ProjectDTO } from "@/lib/projects/types";
import type { Owner } from "@/models/conversations";
import { deleteProjectDoc, updateProjectFields } from "@/models/projects";
import { deleteProjectTasks } from "@/models/tasks";

export async function editProject(owner: Owner, projectId: unknown, input: unknown): Promise<ProjectDTO> {
  const fields = parseInput(projectEditSchema, input, "invalid:project");
  const project = await requireProject(owner, projectId);
  const updated = await updateProjectFields(owner, project._id, fields);
  if (!updated) throw new AppError("not_found:project");
  return toProjectDTO(updated);
}

export async function setProjectStatus(owner: Owner, projectId: unknown, status: unknown): Promise<ProjectDTO> {
  const valid = parseInput(projectStatusSchema, status, "invalid:status");
  const project = await requireProject(owner, projectId);
  const updated = await updateProjectFields(owner, project._id, { status: valid });
  if (!updated) throw new AppError("not_found:project");
  return toProjectDTO(updated);
}

/**
 * Deletes the project and its tasks (tasks first: a failure part-way leaves a project with fewer
 * tasks, never tasks without a project), then its chat if asked to.
 */
export async function deleteProject(owner: Owner, projectId: unknown, options: { deleteChat: boolean }): Promise<void> {
  const project = await requireProject(owner, projectId);
  await deleteProjectTasks(owner, project._id);
  if (!(await deleteProjectDoc(owner, project._id))) throw new AppError("not_found:project");
  if (!options.deleteChat) return;
  try {
    await deleteConversation(owner, project.conversationId.toHexString());
  } catch (error) {
    // The chat may already be gone (deleted from the sidebar); that is what the user wanted anyway.
    if (!(isAppError(error) && error.code === "not_found:conversation")) throw error;
  }
}
