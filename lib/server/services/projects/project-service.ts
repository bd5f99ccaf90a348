/**
 * A project's own lifecycle for one owner: edit name/description, mark done/archive/reopen,
 * delete (its tasks always; its chat only if the user asks).
 */
import "server-only";
import { announceRemoval } from "@/lib/server/services/live/announce";
import { deleteConversation } from "@/lib/server/services/chat/conversation-service";
import { AppError, isAppError } from "@/lib/shared/errors";
import { toProjectDTO } from "@/lib/server/services/projects/dto";
import { parseInput } from "@/lib/server/services/projects/parse-input";
import { requireProject } from "@/lib/server/services/projects/project-access";
import { projectEditSchema, projectStatusSchema } from "@/lib/shared/projects/task-schemas";
import type { ProjectDTO } from "@/lib/shared/projects/types";
import { touchConversation, type Owner } from "@/models/conversations";
import { deleteConversationAttachments } from "@/models/attachments";
import { deleteConversationMessages } from "@/models/messages";
import { deleteProjectDoc, updateProjectFields } from "@/models/projects";
import { deleteShareLinksOfProject } from "@/models/share-links";
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
  // Its board's share links first: a deleted project must not stay readable by link.
  await deleteShareLinksOfProject(owner, project._id);
  await deleteProjectTasks(owner, project._id);
  if (!(await deleteProjectDoc(owner, project._id))) throw new AppError("not_found:project");
  await announceRemoval({ userId: owner, kind: "board_changed", projectId: project._id });
  if (!options.deleteChat) return;
  try {
    await deleteConversation(owner, project.conversationId.toHexString());
  } catch (error) {
    // The chat may already be gone (deleted from the sidebar); that is what the user wanted anyway.
    if (!(isAppError(error) && error.code === "not_found:conversation")) throw error;
  }
}

/** "Clear history" on the project page: empties the project's chat; the project and its tasks stay. */
export async function clearProjectChat(owner: Owner, projectId: unknown): Promise<{ messages: number }> {
  const project = await requireProject(owner, projectId);
  await deleteConversationAttachments(owner, project.conversationId);
  const messages = await deleteConversationMessages(owner, project.conversationId);
  await announceRemoval({ userId: owner, kind: "messages_cleared", conversationId: project.conversationId });
  await touchConversation(owner, project.conversationId, new Date(), -messages);
  return { messages };
}
