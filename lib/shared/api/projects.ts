/**
 * Projects and tasks as /api/v1 shows and accepts them. Responses are the schemas the UI's DTOs
 * are inferred from (lib/shared/projects/dto.ts); request bodies are lib/shared/projects' own
 * schemas (plan, task, move).
 */
import { z } from "zod";
import { PROJECT_STATUSES, planSchema } from "@/lib/shared/projects/plan-schema";
import { newTaskSchema, projectEditSchema, projectStatusSchema, taskMoveSchema, taskPatchSchema } from "@/lib/shared/projects/task-schemas";

export { projectSchema, taskSchema } from "@/lib/shared/projects/dto";

export const createProjectSchema = planSchema.meta({
  id: "CreateProject",
  description: "A plan: name, description and tasks. The project gets its own Project Planner chat, as one made in the app does.",
});

export const updateProjectSchema = projectEditSchema.extend({ status: projectStatusSchema.optional() }).meta({ id: "UpdateProject" });
export const projectListQuerySchema = z.object({
  status: z.enum(PROJECT_STATUSES, { error: "status is active, done or archived." }).optional(),
});
export const deleteProjectQuerySchema = z.object({
  deleteChat: z.enum(["true", "false"], { error: "deleteChat is true or false." }).default("false").meta({ description: "Also delete the project's conversation." }),
});

export const newTaskBodySchema = newTaskSchema.meta({ id: "NewTask" });
export const taskPatchBodySchema = taskPatchSchema.meta({ id: "TaskPatch" });
export const taskMoveBodySchema = taskMoveSchema.meta({ id: "TaskMove", description: "Put the task in `status` between `beforeId` (above) and `afterId` (below); null at an end of the column." });
