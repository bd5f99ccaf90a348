"use server";

/**
 * The board's and the project page's server actions. Each validates its input in the service it
 * calls, scopes everything to the signed-in owner, and answers with an ActionResult (never throws),
 * so the UI shows the same codes and messages the API would.
 */
import { runAction } from "@/lib/server/infra/action-result";
import type { ActionResult } from "@/lib/shared/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { clearProjectChat, deleteProject, editProject, setProjectStatus } from "@/lib/server/services/projects/project-service";
import { addTask, deleteTask, moveTask, updateTask } from "@/lib/server/services/projects/task-service";
import type { ProjectDTO, TaskDTO } from "@/lib/shared/projects/types";


export async function addTaskAction(projectId: string, input: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => addTask(await requireOwner(), projectId, input));
}

export async function updateTaskAction(projectId: string, taskId: string, patch: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => updateTask(await requireOwner(), projectId, taskId, patch));
}

export async function moveTaskAction(projectId: string, taskId: string, move: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => moveTask(await requireOwner(), projectId, taskId, move));
}

export async function deleteTaskAction(projectId: string, taskId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteTask(await requireOwner(), projectId, taskId);
    return null;
  });
}

export async function editProjectAction(projectId: string, input: unknown): Promise<ActionResult<ProjectDTO>> {
  return runAction(async () => editProject(await requireOwner(), projectId, input));
}

export async function setProjectStatusAction(projectId: string, status: unknown): Promise<ActionResult<ProjectDTO>> {
  return runAction(async () => setProjectStatus(await requireOwner(), projectId, status));
}

export async function deleteProjectAction(projectId: string, options: { deleteChat?: unknown }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteProject(await requireOwner(), projectId, { deleteChat: options?.deleteChat === true });
    return null;
  });
}

/** Empties the project's chat; the project and its tasks stay. */
export async function clearProjectChatAction(projectId: string): Promise<ActionResult<{ messages: number }>> {
  return runAction(async () => clearProjectChat(await requireOwner(), projectId));
}
