/**
 * A project board shared read-only by link (/s/board/<token>): the Share dialog's options and
 * exactly what a visitor receives — the project's name, description and tasks with their status,
 * the project's chat only when the owner chose it (redacted as a conversation share is, every
 * detail hidden), and nothing of the owner but the display name they typed. Browser-safe.
 */
import { z } from "zod";
import { TASK_PRIORITIES, TASK_STATUSES, PROJECT_STATUSES } from "@/lib/shared/projects/plan-schema";
import { shareOptionsSchema, sharedViewSchema } from "@/lib/shared/sharing/dto";

const options = shareOptionsSchema.shape;

export const boardShareOptionsSchema = z.object({
  /** Show the project's chat too (every detail hidden); off unless chosen. */
  includeChat: z.boolean({ error: "Choose whether the chat is shared." }).default(false),
  displayName: options.displayName,
  expiresIn: options.expiresIn,
});
export type BoardShareOptions = z.infer<typeof boardShareOptionsSchema>;
export type BoardShareOptionsInput = z.input<typeof boardShareOptionsSchema>;

export const sharedTaskSchema = z.object({
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  dueDate: z.string().nullable(),
});
export type SharedTask = z.infer<typeof sharedTaskSchema>;

export const sharedBoardSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    status: z.enum(PROJECT_STATUSES),
    sharedAt: z.iso.datetime(),
    displayName: z.string().nullable(),
    /** In board order, column by column (to do, doing, done). */
    tasks: z.array(sharedTaskSchema),
    /** The project's chat, only when the owner chose to share it. */
    chat: sharedViewSchema.nullable(),
  })
  .meta({ id: "SharedBoard" });
export type SharedBoard = z.infer<typeof sharedBoardSchema>;
