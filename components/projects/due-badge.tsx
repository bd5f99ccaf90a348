import { CalendarIcon } from "lucide-react";
import { dueState, formatDueDate } from "@/lib/shared/projects/due-dates";
import { cn } from "@/components/ui/cn";

const STYLE = {
  overdue: "text-destructive font-medium",
  today: "text-amber-700 dark:text-amber-300 font-medium",
  soon: "text-foreground",
  later: "text-muted-foreground",
  none: "text-muted-foreground",
} as const;

/** A task's due day, marked "Overdue" or "Today" for the user's own today. */
export function DueBadge({ dueDate, today, done = false }: { dueDate: string; today: string; done?: boolean }) {
  const state = dueState(dueDate, today, done);
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-1 text-xs", STYLE[state])} data-due-state={state}>
      <CalendarIcon className="size-3" aria-hidden="true" />
      {state === "overdue" && <span>Overdue</span>}
      {state === "today" && <span>Today</span>}
      <time dateTime={dueDate}>{formatDueDate(dueDate)}</time>
    </span>
  );
}
