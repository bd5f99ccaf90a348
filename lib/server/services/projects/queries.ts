/**
 * What the project pages and the dashboard read, for one owner, as JSON-safe DTOs. Every list is
 * bounded and answered by an index declared in models/projects.ts or models/tasks.ts.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { addDays, DUE_SOON_DAYS } from "@/lib/shared/projects/due-dates";
import { toProjectDTO, toTaskDTO } from "@/lib/server/services/projects/dto";
import { requireProject } from "@/lib/server/services/projects/project-access";
import type { DueTaskItem, ProjectDTO, ProjectListItem, ProjectStatus, TaskDTO } from "@/lib/shared/projects/types";
import type { Owner } from "@/models/conversations";
import { listProjects } from "@/models/projects";
import { listOpenTasksDueBy, listProjectTasks, nextDueTaskByProject } from "@/models/tasks";

export const DASHBOARD_DUE_LIMIT = 20;

export async function getBoard(owner: Owner, projectId: unknown): Promise<{ project: ProjectDTO; tasks: TaskDTO[] }> {
  const project = await requireProject(owner, projectId);
  const tasks = await listProjectTasks(owner, project._id);
  return { project: toProjectDTO(project), tasks: tasks.map(toTaskDTO) };
}

/** The user's projects with the given statuses, each with its next due open task. */
export async function listProjectItems(owner: Owner, statuses?: readonly ProjectStatus[]): Promise<ProjectListItem[]> {
  const projects = await listProjects(owner, statuses);
  const nextDue = await nextDueTaskByProject(
    owner,
    projects.filter((project) => project.status === "active").map((project) => project._id),
  );
  return projects.map((project) => {
    const task = nextDue.get(project._id.toHexString());
    return {
      ...toProjectDTO(project),
      nextDue: task?.dueDate ? { id: task._id.toHexString(), title: task.title, dueDate: task.dueDate } : null,
    };
  });
}

/** Open tasks of active projects that are overdue or due within the next week of the user's `today`. */
export async function listDueTasks(owner: Owner, today: string, activeProjects: readonly ProjectDTO[]): Promise<DueTaskItem[]> {
  const names = new Map(activeProjects.map((project) => [project.id, project.name]));
  const tasks = await listOpenTasksDueBy(
    owner,
    activeProjects.map((project) => new ObjectId(project.id)),
    addDays(today, DUE_SOON_DAYS),
    DASHBOARD_DUE_LIMIT,
  );
  return tasks.flatMap((task) => {
    const projectId = task.projectId.toHexString();
    return task.dueDate ? [{ id: task._id.toHexString(), title: task.title, dueDate: task.dueDate, projectId, projectName: names.get(projectId) ?? "" }] : [];
  });
}

export interface DashboardProjects {
  active: ProjectListItem[];
  due: DueTaskItem[];
}

/** The dashboard's project half: active projects with progress, and tasks overdue or due this week. */
export async function getDashboardProjects(owner: Owner, today: string): Promise<DashboardProjects> {
  const active = await listProjectItems(owner, ["active"]);
  return { active, due: await listDueTasks(owner, today, active) };
}
