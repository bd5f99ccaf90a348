"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVerticalIcon, MoreHorizontalIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { cn } from "@/components/ui/cn";
import { COLUMNS } from "@/components/projects/board-state";
import { DueBadge } from "@/components/projects/due-badge";

const PRIORITY_STYLE = {
  high: "border-red-500/50 text-red-700 dark:text-red-300",
  medium: "border-amber-500/50 text-amber-700 dark:text-amber-300",
  low: "text-muted-foreground",
} as const;

export interface TaskCardProps {
  task: TaskDTO;
  today: string;
  /** Drag and drop is off while a filter hides tasks (a drop position would be ambiguous). */
  sortable: boolean;
  onEdit: (task: TaskDTO) => void;
  onMove: (task: TaskDTO, status: TaskStatus) => void;
  onDelete: (task: TaskDTO) => void;
}

/** One task: drag handle (mouse, touch, or Space + arrow keys), title, priority, due date, and a menu. */
export function TaskCard({ task, today, sortable, onEdit, onMove, onDelete }: TaskCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { status: task.status },
    disabled: !sortable,
  });
  const done = task.status === "done";

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="task-card"
      data-task-title={task.title}
      className={cn(
        "flex min-w-0 items-start gap-1 rounded-lg border bg-card p-2 text-card-foreground shadow-xs",
        isDragging && "z-10 opacity-60 ring-2 ring-ring",
      )}
    >
      {sortable && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Move ${task.title}`}
          className="mt-0.5 cursor-grab touch-none rounded p-1 text-muted-foreground hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none active:cursor-grabbing"
        >
          <GripVerticalIcon className="size-4" aria-hidden="true" />
        </button>
      )}
      <div className="grid min-w-0 flex-1 gap-1 py-0.5">
        <button
          type="button"
          onClick={() => onEdit(task)}
          className={cn("text-left text-sm font-medium break-words hover:underline focus-visible:underline focus-visible:outline-none", done && "text-muted-foreground line-through")}
        >
          {task.title}
        </button>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="outline" className={PRIORITY_STYLE[task.priority]}>
            {task.priority}
          </Badge>
          {task.dueDate && <DueBadge dueDate={task.dueDate} today={today} done={done} />}
        </div>
        {task.notes && <p className="line-clamp-2 text-xs text-muted-foreground">{task.notes}</p>}
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-7" aria-label={`Actions for ${task.title}`}>
            <MoreHorizontalIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => onEdit(task)}>Edit</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel className="text-xs text-muted-foreground">Move to</DropdownMenuLabel>
          {COLUMNS.filter((column) => column.status !== task.status).map((column) => (
            <DropdownMenuItem key={column.status} onSelect={() => onMove(task, column.status)}>
              {column.title}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => onDelete(task)}>
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </li>
  );
}
