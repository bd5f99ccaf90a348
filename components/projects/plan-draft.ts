/**
 * The plan card's editable copy of a proposed plan: each task can be ticked or unticked and
 * edited. `toPlan` turns it back into the plan to create (kept tasks only) and validates it with
 * the same schema the server uses; errors come back keyed by row, so each shows beside its field.
 * Client-safe.
 */
import { planSchema, type Plan, type TaskPriority } from "@/lib/shared/projects/plan-schema";

export interface DraftTask {
  key: number;
  keep: boolean;
  title: string;
  priority: TaskPriority;
  /** "" for none (an <input type="date"> value). */
  dueDate: string;
  notes?: string;
}

export interface PlanDraft {
  name: string;
  description: string;
  tasks: DraftTask[];
}

/** Messages by field: "name", "description", "tasks" (the list as a whole), or `${key}.title` etc. */
export type DraftErrors = Record<string, string>;

export function draftFromPlan(plan: Plan): PlanDraft {
  return {
    name: plan.name,
    description: plan.description,
    tasks: plan.tasks.map((task, key) => ({
      key,
      keep: true,
      title: task.title,
      priority: task.priority,
      dueDate: task.dueDate ?? "",
      ...(task.notes ? { notes: task.notes } : {}),
    })),
  };
}

/** The plan the draft stands for, before validation. */
export function planInput(draft: PlanDraft): unknown {
  return {
    name: draft.name,
    description: draft.description,
    tasks: draft.tasks
      .filter((task) => task.keep)
      .map((task) => ({
        title: task.title,
        priority: task.priority,
        ...(task.dueDate ? { dueDate: task.dueDate } : {}),
        ...(task.notes ? { notes: task.notes } : {}),
      })),
  };
}

/** Maps a dotted path from the schema ("tasks.2.title") to the draft's field key ("<row key>.title"). */
export function draftErrorKey(draft: PlanDraft, path: readonly PropertyKey[] | string): string {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  if (parts[0] !== "tasks" || parts.length < 3) return parts[0] || "form";
  const kept = draft.tasks.filter((task) => task.keep);
  const row = kept[Number(parts[1])];
  return row ? `${row.key}.${parts[2]}` : "tasks";
}

export function toPlan(draft: PlanDraft): { ok: true; plan: Plan } | { ok: false; errors: DraftErrors } {
  const parsed = planSchema.safeParse(planInput(draft));
  if (parsed.success) return { ok: true, plan: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) errors[draftErrorKey(draft, issue.path)] ??= issue.message;
  return { ok: false, errors };
}

/** Field errors from the server (dotted paths → messages) in the draft's keys. */
export function draftErrorsFromFields(draft: PlanDraft, fields: Record<string, string[]>): DraftErrors {
  const errors: DraftErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    if (messages[0]) errors[draftErrorKey(draft, path)] ??= messages[0];
  }
  return errors;
}
