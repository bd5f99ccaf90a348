"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { nativeSelectClass } from "@/components/roles/field-control";
import type { DraftErrors, DraftTask } from "@/components/projects/plan-draft";
import { TASK_PRIORITIES, TASK_TITLE_MAX } from "@/lib/shared/projects/plan-schema";
import { cn } from "@/components/ui/cn";

export interface PlanTaskRowProps {
  idPrefix: string;
  /** 1-based, for the controls' accessible names ("Task 2 title"). */
  position: number;
  task: DraftTask;
  errors: DraftErrors;
  onChange: (change: Partial<DraftTask>) => void;
}

/** One task of a proposed plan: keep it or not, and its title, priority and due date, edited in place. */
export function PlanTaskRow({ idPrefix, position, task, errors, onChange }: PlanTaskRowProps) {
  const messages = (["title", "priority", "dueDate"] as const)
    .map((field) => ({ field, message: errors[`${task.key}.${field}`] }))
    .filter((entry) => entry.message);
  const errorId = `${idPrefix}-error`;

  return (
    <li className={cn("grid gap-1 rounded-lg border p-2", !task.keep && "opacity-60")} data-testid="plan-task">
      <div className="flex flex-wrap items-center gap-2">
        <Checkbox
          id={`${idPrefix}-keep`}
          checked={task.keep}
          onCheckedChange={(checked) => onChange({ keep: checked === true })}
          aria-label={`Keep task ${position}`}
        />
        <Input
          id={`${idPrefix}-title`}
          className="h-8 min-w-0 flex-1 basis-48"
          value={task.title}
          maxLength={TASK_TITLE_MAX}
          disabled={!task.keep}
          aria-label={`Task ${position} title`}
          aria-invalid={errors[`${task.key}.title`] ? true : undefined}
          aria-describedby={messages.length > 0 ? errorId : undefined}
          onChange={(event) => onChange({ title: event.target.value })}
        />
        <select
          id={`${idPrefix}-priority`}
          className={cn(nativeSelectClass, "h-8 w-auto")}
          value={task.priority}
          disabled={!task.keep}
          aria-label={`Task ${position} priority`}
          onChange={(event) => onChange({ priority: event.target.value as DraftTask["priority"] })}
        >
          {TASK_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority[0]!.toUpperCase() + priority.slice(1)}
            </option>
          ))}
        </select>
        <Input
          id={`${idPrefix}-due`}
          type="date"
          className="h-8 w-auto"
          value={task.dueDate}
          min="2000-01-01"
          max="2100-12-31"
          disabled={!task.keep}
          aria-label={`Task ${position} due date`}
          aria-invalid={errors[`${task.key}.dueDate`] ? true : undefined}
          onChange={(event) => onChange({ dueDate: event.target.value })}
        />
      </div>
      {messages.length > 0 && (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {messages.map((entry) => entry.message).join(" ")}
        </p>
      )}
    </li>
  );
}
