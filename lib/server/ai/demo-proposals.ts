/**
 * What the offline demo model proposes, derived only from what the user wrote, so the project
 * flow is deterministic offline and in browser tests: a plan with one task per bullet (or per
 * sentence when there are no bullets), and simple change requests in a project's chat.
 */
import "server-only";
import type { Proposal } from "@/lib/server/ai/proposals";
import {
  MAX_TASKS_PER_PROJECT,
  PROJECT_NAME_MAX,
  TASK_TITLE_MAX,
  changeProposalSchema,
  dueDateSchema,
  planSchema,
  type PlanTask,
} from "@/lib/shared/projects/plan-schema";

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;
/** "(due 2027-03-14)", "due 2027-03-14", "by 2027-03-14" anywhere in a task's text. */
const DUE = /\s*\(?\b(?:due|by)\s+(\d{4}-\d{2}-\d{2})\)?/i;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max).trimEnd() : flat;
}

/** Bullet lines when there are any, otherwise sentences. */
export function splitIntoItems(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const bullets = lines.filter((line) => BULLET.test(line)).map((line) => line.replace(BULLET, ""));
  const items = bullets.length > 0 ? bullets : text.split(/(?<=[.!?])\s+|\r?\n/);
  return items.map((item) => item.replace(/[.!?]+$/, "").trim()).filter(Boolean);
}

function toTask(item: string): PlanTask {
  const due = DUE.exec(item)?.[1];
  const validDue = due && dueDateSchema.safeParse(due).success ? due : undefined;
  const title = clip(validDue ? item.replace(DUE, "") : item, TASK_TITLE_MAX) || clip(item, TASK_TITLE_MAX);
  const priority = /\b(urgent|asap|critical|first)\b/i.test(item) ? "high" : "medium";
  return { title, priority, ...(validDue ? { dueDate: validDue } : {}) };
}

/** A plan from the user's message; the project's goal (a details field) names it when given. */
export function derivePlan(userText: string, goal?: string): Proposal {
  const tasks = splitIntoItems(userText).slice(0, MAX_TASKS_PER_PROJECT).map(toTask);
  const name = clip(goal || splitIntoItems(userText)[0] || "New project", PROJECT_NAME_MAX) || "New project";
  const plan = planSchema.parse({
    name,
    description: clip(goal ?? "", 2000),
    tasks: tasks.length > 0 ? tasks : [{ title: "Define the first step", priority: "medium" }],
  });
  return { kind: "plan", plan };
}

/** "add a task: call the venue", "rename the project to Launch"; anything else proposes nothing. */
export function deriveChanges(userText: string): Proposal | null {
  const text = userText.trim();
  const add = /\badd (?:a |another |new )*task(?:s)?\s*(?::|called|named|to)?\s*(.+)$/is.exec(text);
  if (add?.[1]) {
    const tasks = splitIntoItems(add[1]).slice(0, 50).map(toTask);
    if (tasks.length === 0) return null;
    const changes = changeProposalSchema.parse({
      summary: tasks.length === 1 ? `Add “${tasks[0]!.title}”` : `Add ${tasks.length} tasks`,
      changes: tasks.map((task) => ({ type: "add_task", task })),
    });
    return { kind: "changes", changes };
  }
  const rename = /\brename (?:the |this |my )?project (?:to|as)\s+(.+)$/is.exec(text);
  const name = rename?.[1] ? clip(rename[1].replace(/^["“']|["”'.]+$/g, ""), PROJECT_NAME_MAX) : "";
  if (name) {
    return { kind: "changes", changes: changeProposalSchema.parse({ summary: `Rename the project to “${name}”`, changes: [{ type: "rename_project", name }] }) };
  }
  return null;
}
