"use client";

import { Label } from "@/components/ui/label";
import { dueState } from "@/lib/shared/projects/due-dates";
import type { TaskPriority } from "@/lib/shared/projects/plan-schema";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { OptionSelect } from "@/components/projects/option-select";

export type PriorityFilter = "all" | TaskPriority;
export type DueFilter = "all" | "overdue" | "week" | "none";

export interface BoardFilterValue {
  priority: PriorityFilter;
  due: DueFilter;
}

export const NO_FILTER: BoardFilterValue = { priority: "all", due: "all" };

export function isFiltering(filter: BoardFilterValue): boolean {
  return filter.priority !== "all" || filter.due !== "all";
}

/** Whether a task passes the filters, judged on the user's `today`. */
export function matchesFilter(task: TaskDTO, filter: BoardFilterValue, today: string): boolean {
  if (filter.priority !== "all" && task.priority !== filter.priority) return false;
  if (filter.due === "all") return true;
  const state = dueState(task.dueDate, today, task.status === "done");
  if (filter.due === "overdue") return state === "overdue";
  if (filter.due === "week") return state === "overdue" || state === "today" || state === "soon";
  return state === "none";
}

const PRIORITY_OPTIONS: [PriorityFilter, string][] = [
  ["all", "Any priority"],
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
];
const DUE_OPTIONS: [DueFilter, string][] = [
  ["all", "Any due date"],
  ["overdue", "Overdue"],
  ["week", "Due within 7 days"],
  ["none", "No due date"],
];

export function BoardFilters({ value, onChange }: { value: BoardFilterValue; onChange: (next: BoardFilterValue) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter tasks">
      <FilterSelect id="filter-priority" label="Priority" value={value.priority} options={PRIORITY_OPTIONS} onChange={(priority) => onChange({ ...value, priority })} />
      <FilterSelect id="filter-due" label="Due" value={value.due} options={DUE_OPTIONS} onChange={(due) => onChange({ ...value, due })} />
    </div>
  );
}

function FilterSelect<T extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: T; options: [T, string][]; onChange: (value: T) => void }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <OptionSelect id={id} size="sm" className="w-44" value={value} options={options} onChange={onChange} />
    </div>
  );
}
