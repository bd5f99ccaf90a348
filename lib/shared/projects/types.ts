/**
 * What the project pages and the dashboard receive from the server: JSON-safe shapes (ids as
 * strings, dates as ISO strings); the project and task are inferred from their zod schemas
 * (lib/shared/projects/dto.ts), which /api/v1 documents too. Client-safe: type-only imports.
 */
import type { z } from "zod";
import type { projectSchema, taskSchema } from "@/lib/shared/projects/dto";
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";

export type { ProjectStatus } from "@/lib/shared/projects/plan-schema";
export type TaskCountsDTO = Record<TaskStatus, number>;
export type TaskDTO = z.infer<typeof taskSchema>;
export type ProjectDTO = z.infer<typeof projectSchema>;

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
