/**
 * Projects and tasks as /api/v1 shows and accepts them. Responses mirror lib/projects' DTOs
 * (checked by assertSameShape); request bodies are lib/projects' own schemas (plan, task, move).
 */
import { z } from "zod";
import { assertSameShape, type SameShape } from "@/lib/shared/api/common";
import { planSchema, TASK_PRIORITIES, TASK_STATUSES } from "@/lib/shared/projects/plan-schema";
import { newTaskSchema, projectEditSchema, projectStatusSchema, taskMoveSchema, taskPatchSchema } from "@/lib/shared/projects/task-schemas";
import type { ProjectDTO, TaskDTO } from "@/lib/shared/projects/types";

export const taskSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    notes: z.string(),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(TASK_PRIORITIES),
    dueDate: z.string().nullable().meta({ description: "YYYY-MM-DD" }),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Task" });

export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(["active", "done", "archived"]),
    roleId: z.string(),
    conversationId: z.string(),
    taskCounts: z.object({ todo: z.number().int(), doing: z.number().int(), done: z.number().int() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Project" });

assertSameShape<SameShape<z.infer<typeof taskSchema>, TaskDTO>>();
assertSameShape<SameShape<z.infer<typeof projectSchema>, ProjectDTO>>();

export const createProjectSchema = planSchema.meta({
  id: "CreateProject",
  description: "A plan: name, description and tasks. The project gets its own Project Planner chat, as one made in the app does.",
});

export const updateProjectSchema = projectEditSchema.extend({ status: projectStatusSchema.optional() }).meta({ id: "UpdateProject" });
export const projectListQuerySchema = z.object({
  status: z.enum(["active", "done", "archived"], { error: "status is active, done or archived." }).optional(),
});
export const deleteProjectQuerySchema = z.object({
  deleteChat: z.enum(["true", "false"], { error: "deleteChat is true or false." }).default("false").meta({ description: "Also delete the project's conversation." }),
});

export const newTaskBodySchema = newTaskSchema.meta({ id: "NewTask" });
export const taskPatchBodySchema = taskPatchSchema.meta({ id: "TaskPatch" });
export const taskMoveBodySchema = taskMoveSchema.meta({ id: "TaskMove", description: "Put the task in `status` between `beforeId` (above) and `afterId` (below); null at an end of the column." });
