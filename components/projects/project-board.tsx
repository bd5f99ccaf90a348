"use client";

import { useMemo, useState } from "react";
import { DndContext, closestCorners } from "@dnd-kit/core";
import { PlusIcon } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { deleteTaskAction, moveTaskAction } from "@/app/(app)/projects/actions";
import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import { BoardColumn } from "@/components/projects/board-column";
import { BoardFilters, isFiltering, matchesFilter, NO_FILTER, type BoardFilterValue } from "@/components/projects/board-filters";
import { COLUMNS, findStatus, fromColumns, moveWithin, neighboursOf, removeTask, toColumns, upsertTask, type Columns } from "@/components/projects/board-state";
import { ProjectProgress } from "@/components/projects/project-progress";
import { TaskEditorDialog, type TaskEditorTarget } from "@/components/projects/task-editor-dialog";
import { useBoardDnd } from "@/components/projects/use-board-dnd";

export interface ProjectBoardProps {
  projectId: string;
  projectName: string;
  initialTasks: TaskDTO[];
  /** The user's calendar day (from their time zone), for overdue and due-soon marks. */
  today: string;
}

/** The board: three columns (stacked on a phone), filters, progress, and every task operation. */
export function ProjectBoard({ projectId, projectName, initialTasks, today }: ProjectBoardProps) {
  const [columns, setColumns] = useState<Columns>(() => toColumns(initialTasks));
  // A change card applied in the project chat refreshes the page: take the server's new tasks.
  const [shownTasks, setShownTasks] = useState(initialTasks);
  if (shownTasks !== initialTasks) {
    setShownTasks(initialTasks);
    setColumns(toColumns(initialTasks));
  }
  const [filter, setFilter] = useState<BoardFilterValue>(NO_FILTER);
  const [editor, setEditor] = useState<TaskEditorTarget | null>(null);
  const [deleting, setDeleting] = useState<TaskDTO | null>(null);
  const filtering = isFiltering(filter);
  const tasks = useMemo(() => fromColumns(columns), [columns]);
  const counts = { todo: columns.todo.length, doing: columns.doing.length, done: columns.done.length };

  /** Saves a move already shown on the board; on refusal, puts the board back and says why. */
  async function saveMove(taskId: string, before: Columns, after: Columns): Promise<boolean> {
    const status = findStatus(after, taskId);
    if (!status) return false;
    const ids = after[status].map((task) => task.id);
    if (findStatus(before, taskId) === status && before[status].map((task) => task.id).join() === ids.join()) return false;
    const result = await moveTaskAction(projectId, taskId, { status, ...neighboursOf(ids, taskId) });
    if (!result.ok) {
      setColumns(before);
      toast.error(result.error.message);
      return false;
    }
    // Same column and place as shown; take the server's copy (completion time).
    setColumns((current) => ({ ...current, [status]: current[status].map((task) => (task.id === taskId ? result.data : task)) }));
    return true;
  }

  const dnd = useBoardDnd(columns, setColumns, (taskId, before, after) => void saveMove(taskId, before, after), (id) =>
    tasks.find((task) => task.id === String(id))?.title ?? "task",
  );

  function moveToColumn(task: TaskDTO, status: TaskStatus) {
    const after = moveWithin(columns, task.id, status, columns[status].length);
    setColumns(after);
    void saveMove(task.id, columns, after).then((moved) => {
      if (moved) toast.success(`Moved to ${COLUMNS.find((column) => column.status === status)?.title}.`);
    });
  }

  function saved(task: TaskDTO) {
    setColumns((current) => upsertTask(current, task));
  }

  async function confirmDelete() {
    if (!deleting) return;
    const result = await deleteTaskAction(projectId, deleting.id);
    if (!result.ok) {
      toast.error(result.error.message);
      return;
    }
    const id = deleting.id;
    setColumns((current) => removeTask(current, id));
    toast.success("Task deleted.");
  }

  return (
    <div className="grid gap-4">
      <ProjectProgress counts={counts} label={`${projectName} progress`} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <BoardFilters value={filter} onChange={setFilter} />
        <Button size="sm" onClick={() => setEditor({ mode: "add", status: "todo" })}>
          <PlusIcon aria-hidden="true" />
          Add task
        </Button>
      </div>
      {filtering && <p className="text-xs text-muted-foreground">Dragging is off while filters are on; use a task&apos;s menu to move it.</p>}
      <DndContext
        sensors={dnd.sensors}
        collisionDetection={closestCorners}
        accessibility={{ announcements: dnd.announcements }}
        onDragStart={dnd.onDragStart}
        onDragOver={dnd.onDragOver}
        onDragEnd={dnd.onDragEnd}
        onDragCancel={dnd.onDragCancel}
      >
        <div className="grid gap-3 md:grid-cols-3">
          {COLUMNS.map(({ status, title }) => (
            <BoardColumn
              key={status}
              status={status}
              title={title}
              total={columns[status].length}
              tasks={columns[status].filter((task) => matchesFilter(task, filter, today))}
              today={today}
              sortable={!filtering}
              onAdd={(column) => setEditor({ mode: "add", status: column })}
              onEdit={(task) => setEditor({ mode: "edit", task })}
              onMove={moveToColumn}
              onDelete={setDeleting}
            />
          ))}
        </div>
      </DndContext>
      <TaskEditorDialog projectId={projectId} target={editor} onClose={() => setEditor(null)} onSaved={saved} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this task?"
        description={deleting ? `"${deleting.title}" will be deleted. This cannot be undone.` : ""}
        confirmLabel="Delete task"
        onConfirm={confirmDelete}
      />
    </div>
  );
}
