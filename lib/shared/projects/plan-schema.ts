/**
 * The shapes the AI proposes and the user confirms: a project plan (name, description, tasks) and
 * a list of changes to an existing project's tasks. One zod source for the Gemini function
 * declarations, the demo model, the plan/change cards and the server actions that apply them.
 * Client-safe (zod only).
 */
import { z } from "zod";

export const PROJECT_NAME_MAX = 120;
export const PROJECT_DESCRIPTION_MAX = 2000;
export const TASK_TITLE_MAX = 200;
export const TASK_NOTES_MAX = 4000;
/** Tasks one project may hold; also the most a single plan may propose. */
export const MAX_TASKS_PER_PROJECT = 500;
/** Changes one proposal may carry. */
export const MAX_CHANGES_PER_PROPOSAL = 50;

export const TASK_STATUSES = ["todo", "doing", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ["low", "medium", "high"] as const;
export const PROJECT_STATUSES = ["active", "done", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/**
 * A due date is a calendar day ("2027-03-14"), not an instant: "due Friday" means Friday wherever
 * the user is. Years are bounded so "year 10000" is refused rather than stored.
 */
export const dueDateSchema = z
  .string({ error: "Use a date like 2027-03-14." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-14.")
  .refine((value) => isRealCalendarDay(value), "That date does not exist.")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 2000 && year <= 2100;
  }, "Pick a date between the years 2000 and 2100.");

function isRealCalendarDay(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const taskTitleSchema = z
  .string({ error: "Give the task a title." })
  .trim()
  .min(1, "Give the task a title.")
  .max(TASK_TITLE_MAX, `Task titles can be at most ${TASK_TITLE_MAX} characters.`);

export const taskNotesSchema = z
  .string({ error: "Notes must be text." })
  .trim()
  .max(TASK_NOTES_MAX, `Notes can be at most ${TASK_NOTES_MAX} characters.`);

export const projectNameSchema = z
  .string({ error: "Give the project a name." })
  .trim()
  .min(1, "Give the project a name.")
  .max(PROJECT_NAME_MAX, `Project names can be at most ${PROJECT_NAME_MAX} characters.`);

export const projectDescriptionSchema = z
  .string({ error: "The description must be text." })
  .trim()
  .max(PROJECT_DESCRIPTION_MAX, `Descriptions can be at most ${PROJECT_DESCRIPTION_MAX} characters.`);

export const planTaskSchema = z.object({
  title: taskTitleSchema,
  priority: z.enum(TASK_PRIORITIES, { error: "Priority is low, medium or high." }).default("medium"),
  dueDate: dueDateSchema.optional(),
  notes: taskNotesSchema.optional(),
});
export type PlanTask = z.infer<typeof planTaskSchema>;

export const planSchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
  tasks: z
    .array(planTaskSchema)
    .min(1, "A plan needs at least one task.")
    .max(MAX_TASKS_PER_PROJECT, `A project can hold at most ${MAX_TASKS_PER_PROJECT} tasks.`),
});
export type Plan = z.infer<typeof planSchema>;

/** A task id as the client sees it: 24 hex characters. */
export const taskIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, "Unknown task.");

export const projectChangeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("add_task"), task: planTaskSchema }),
  z.object({
    type: z.literal("update_task"),
    taskId: taskIdSchema,
    title: taskTitleSchema.optional(),
    status: z.enum(TASK_STATUSES).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    // null clears the due date.
    dueDate: dueDateSchema.nullable().optional(),
  }),
  z.object({ type: z.literal("rename_project"), name: projectNameSchema }),
]);
export type ProjectChange = z.infer<typeof projectChangeSchema>;

export const changeProposalSchema = z.object({
  summary: z.string().trim().max(500).default(""),
  changes: z
    .array(projectChangeSchema)
    .min(1, "A proposal needs at least one change.")
    .max(MAX_CHANGES_PER_PROPOSAL, `A proposal can carry at most ${MAX_CHANGES_PER_PROPOSAL} changes.`),
});
export type ChangeProposal = z.infer<typeof changeProposalSchema>;
