/**
 * What the project pages and the dashboard receive from the server: JSON-safe shapes (ids as
 * strings, dates as ISO strings). Client-safe: type-only imports.
 */
import type { TaskPriority, TaskStatus } from "@/lib/shared/projects/plan-schema";

export type ProjectStatus = "active" | "done" | "archived";
export type TaskCountsDTO = Record<TaskStatus, number>;

export interface TaskDTO {
  id: string;
  projectId: string;
  title: string;
  notes: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: string | null;
  completedAt: string | null;
}

export interface ProjectDTO {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  roleId: string;
  conversationId: string;
  taskCounts: TaskCountsDTO;
  createdAt: string;
  updatedAt: string;
}

/** A row of /projects: the project, its progress and its next due open task. */
export interface ProjectListItem extends ProjectDTO {
  nextDue: { id: string; title: string; dueDate: string } | null;
}

/** An open task on the dashboard, with the project it belongs to. */
export interface DueTaskItem {
  id: string;
  title: string;
  dueDate: string;
  projectId: string;
  projectName: string;
}
