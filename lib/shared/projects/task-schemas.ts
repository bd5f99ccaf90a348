/**
 * Inputs of the board's own forms and moves, built from the plan schema's field rules so a title
 * means the same thing in a plan, a change card and the task editor. Client-safe (zod only).
 */
import { z } from "zod";
import {
  dueDateSchema,
  planTaskSchema,
  projectDescriptionSchema,
  projectNameSchema,
  PROJECT_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  taskIdSchema,
  taskNotesSchema,
  taskTitleSchema,
} from "@/lib/shared/projects/plan-schema";

const statusSchema = z.enum(TASK_STATUSES, { error: "Status is To do, Doing or Done." });

export const newTaskSchema = planTaskSchema.extend({ status: statusSchema.default("todo") });

/** Only the fields present change; an empty dueDate or null clears it, empty notes clear them. */
export const taskPatchSchema = z
  .object({
    title: taskTitleSchema.optional(),
    notes: taskNotesSchema.optional(),
    priority: z.enum(TASK_PRIORITIES, { error: "Priority is low, medium or high." }).optional(),
    status: statusSchema.optional(),
    dueDate: z.union([z.literal("").transform(() => null), dueDateSchema]).nullable().optional(),
  })
  .strict();

/** A move: the target column and the tasks that will sit directly above and below (null at an end). */
export const taskMoveSchema = z.object({
  status: statusSchema,
  beforeId: taskIdSchema.nullable(),
  afterId: taskIdSchema.nullable(),
});

export const projectEditSchema = z
  .object({ name: projectNameSchema.optional(), description: projectDescriptionSchema.optional() })
  .strict();

export const projectStatusSchema = z.enum(PROJECT_STATUSES, { error: "Status is active, done or archived." });
