import Link from "next/link";

import type { DueTaskItem } from "@/lib/shared/projects/types";
import { DueBadge } from "@/components/projects/due-badge";

/** Open tasks overdue or due within a week, earliest first, each a link to its project's board. */
export function DueTaskList({ tasks, today }: { tasks: DueTaskItem[]; today: string }) {
  if (tasks.length === 0) return <p className="text-sm text-muted-foreground">Nothing due in the next 7 days.</p>;
  return (
    <ul className="grid gap-1" data-testid="due-tasks">
      {tasks.map((task) => (
        <li key={task.id}>
          <Link href={`/projects/${task.projectId}`} className="grid gap-0.5 rounded-md px-2 py-1.5 hover:bg-muted">
            <span className="flex flex-wrap items-center justify-between gap-x-3">
              <span className="min-w-0 truncate">{task.title}</span>
              <DueBadge dueDate={task.dueDate} today={today} />
            </span>
            <span className="text-xs text-muted-foreground">{task.projectName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
