"use server";

/**
 * The board's and the project page's server actions. Each validates its input in the service it
 * calls, scopes everything to the signed-in owner, and answers with an ActionResult (never throws),
 * so the UI shows the same codes and messages the API would.
 */
import { runAction } from "@/lib/chat/action-result";
import type { ActionResult } from "@/lib/chat/types";
import { currentOwner } from "@/lib/projects/current-owner";
import { deleteProject, editProject, setProjectStatus } from "@/lib/projects/project-service";
import { getBoard } from "@/lib/projects/queries";
import { addTask, deleteTask, moveTask, updateTask } from "@/lib/projects/task-service";
import type { ProjectDTO, TaskDTO } from "@/lib/projects/types";

/** The board as stored now (after a change card was applied in the project chat). */
export async function loadBoardAction(projectId: string): Promise<ActionResult<{ project: ProjectDTO; tasks: TaskDTO[] }>> {
  return runAction(async () => getBoard(await currentOwner(), projectId));
}

export async function addTaskAction(projectId: string, input: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => addTask(await currentOwner(), projectId, input));
}

export async function updateTaskAction(projectId: string, taskId: string, patch: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => updateTask(await currentOwner(), projectId, taskId, patch));
}

export async function moveTaskAction(projectId: string, taskId: string, move: unknown): Promise<ActionResult<TaskDTO>> {
  return runAction(async () => moveTask(await currentOwner(), projectId, taskId, move));
}

export async function deleteTaskAction(projectId: string, taskId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteTask(await currentOwner(), projectId, taskId);
    return null;
  });
}

export async function editProjectAction(projectId: string, input: unknown): Promise<ActionResult<ProjectDTO>> {
  return runAction(async () => editProject(await currentOwner(), projectId, input));
}

export async function setProjectStatusAction(projectId: string, status: unknown): Promise<ActionResult<ProjectDTO>> {
  return runAction(async () => setProjectStatus(await currentOwner(), projectId, status));
}

export async function deleteProjectAction(projectId: string, options: { deleteChat?: unknown }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteProject(await currentOwner(), projectId, { deleteChat: options?.deleteChat === true });
    return null;
  });
}
