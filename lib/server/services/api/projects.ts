/**
 * Projects for /api/v1 on top of lib/projects' services: creating one from a plan (with its own
 * Project Planner chat, as a project made in the app has), and updates that may change the name,
 * description and status in one request.
 */
import "server-only";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import { toProjectDTO } from "@/lib/server/services/projects/dto";
import { requireProject } from "@/lib/server/services/projects/project-access";
import { editProject, setProjectStatus } from "@/lib/server/services/projects/project-service";
import type { Plan } from "@/lib/shared/projects/plan-schema";
import type { ProjectDTO } from "@/lib/shared/projects/types";
import { linkConversationToProject, type Owner } from "@/models/conversations";

const PLANNER_ROLE = "project-planner";
/** The Project Planner's project_goal field holds at most this many characters. */
const PROJECT_GOAL_MAX = 600;

export async function createProject(owner: Owner, plan: Plan): Promise<ProjectDTO> {
  const chat = await startConversation(owner, PLANNER_ROLE, { project_goal: (plan.description || plan.name).slice(0, PROJECT_GOAL_MAX) }, { mode: "project-planning" });
  const { projectId } = await createProjectFromPlan(owner, plan, { conversationId: chat._id, roleId: chat.roleId, details: chat.details });
  const project = await requireProject(owner, projectId);
  await linkConversationToProject(owner, chat._id, project._id);
  return toProjectDTO(project);
}

export async function updateProject(
  owner: Owner,
  projectId: string,
  body: { name?: string; description?: string; status?: ProjectDTO["status"] },
): Promise<ProjectDTO> {
  const { status, ...fields } = body;
  let project = Object.keys(fields).length > 0 ? await editProject(owner, projectId, fields) : toProjectDTO(await requireProject(owner, projectId));
  if (status !== undefined) project = await setProjectStatus(owner, projectId, status);
  return project;
}
