/**
 * The project and task shapes the UI and /api/v1 both receive, as zod schemas; the DTO types
 * (lib/shared/projects/types.ts) are their z.infer and the OpenAPI document is generated from
 * them. Client-safe (zod only).
 */
import { z } from "zod";
import { PROJECT_STATUSES, TASK_PRIORITIES, TASK_STATUSES } from "@/lib/shared/projects/plan-schema";

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

const taskCountsSchema = z.object(
  Object.fromEntries(TASK_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof TASK_STATUSES)[number], z.ZodNumber>,
);

export const projectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(PROJECT_STATUSES),
    roleId: z.string(),
    conversationId: z.string(),
    taskCounts: taskCountsSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Project" });
