"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { PlusIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { cn } from "@/components/ui/cn";
import { TaskCard, type TaskCardProps } from "@/components/projects/task-card";

export interface BoardColumnProps extends Omit<TaskCardProps, "task"> {
  status: TaskStatus;
  title: string;
  tasks: TaskDTO[];
  /** How many tasks the column holds before filtering. */
  total: number;
  onAdd: (status: TaskStatus) => void;
}

/** A column: a drop target and a sortable list. On a phone the columns stack into one list. */
export function BoardColumn({ status, title, tasks, total, onAdd, ...card }: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${status}`, data: { status } });
  const headingId = `column-${status}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`column-${status}`}
      className={cn("flex min-w-0 flex-col gap-2 rounded-xl bg-muted/50 p-2", isOver && "ring-2 ring-ring/50")}
    >
      <header className="flex items-center justify-between gap-2 px-1">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}{" "}
          <span className="font-normal text-muted-foreground">
            {tasks.length === total ? total : `${tasks.length} of ${total}`}
          </span>
        </h2>
        <Button variant="ghost" size="icon" className="size-7" aria-label={`Add a task to ${title}`} onClick={() => onAdd(status)}>
          <PlusIcon aria-hidden="true" />
        </Button>
      </header>
      <SortableContext id={status} items={tasks.map((task) => task.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="grid min-h-16 grid-cols-[minmax(0,1fr)] content-start gap-2" aria-label={`${title} tasks`}>
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} {...card} />
          ))}
          {tasks.length === 0 && (
            <li className="rounded-lg border border-dashed p-3 text-center text-xs text-muted-foreground">
              {total === 0 ? "Nothing here yet." : "No tasks match the filters."}
            </li>
          )}
        </ul>
      </SortableContext>
    </section>
  );
}
