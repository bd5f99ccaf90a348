/** A proposed change in words, for the change card. Client-safe. */
import type { ProjectChange } from "@/lib/shared/projects/plan-schema";

function taskName(taskId: string, titles: Record<string, string> | undefined): string {
  const title = titles?.[taskId.toLowerCase()] ?? titles?.[taskId];
  return title ? `“${title}”` : "a task";
}

export function describeChange(change: ProjectChange, titles?: Record<string, string>): string {
  if (change.type === "add_task") {
    const extras = [`${change.task.priority} priority`, change.task.dueDate ? `due ${change.task.dueDate}` : null].filter(Boolean);
    return `Add task “${change.task.title}” (${extras.join(", ")})`;
  }
  if (change.type === "rename_project") return `Rename the project to “${change.name}”`;
  const parts = [
    change.title ? `rename it to “${change.title}”` : null,
    change.status ? `move it to ${change.status === "todo" ? "To do" : change.status === "doing" ? "Doing" : "Done"}` : null,
    change.priority ? `set priority ${change.priority}` : null,
    change.dueDate === null ? "clear its due date" : change.dueDate ? `set its due date to ${change.dueDate}` : null,
  ].filter(Boolean);
  return `Update ${taskName(change.taskId, titles)}: ${parts.join(", ") || "no change"}`;
}
