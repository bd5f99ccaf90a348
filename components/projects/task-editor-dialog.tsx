"use client";

import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { addTaskAction, updateTaskAction } from "@/app/(app)/projects/actions";
import { TASK_PRIORITIES, type TaskPriority, type TaskStatus } from "@/lib/shared/projects/plan-schema";
import { newTaskSchema, taskPatchSchema } from "@/lib/shared/projects/task-schemas";
import type { TaskDTO } from "@/lib/shared/projects/types";
import { COLUMNS } from "@/components/projects/board-state";
import { FormDialogFooter } from "@/components/projects/form-dialog-footer";
import { OptionSelect } from "@/components/projects/option-select";

/** What the dialog edits: an existing task, or a new one for a column. */
export type TaskEditorTarget = { mode: "edit"; task: TaskDTO } | { mode: "add"; status: TaskStatus };

export interface TaskEditorDialogProps {
  projectId: string;
  target: TaskEditorTarget | null;
  onClose: () => void;
  onSaved: (task: TaskDTO, mode: "add" | "edit") => void;
}

const PRIORITY_OPTIONS = TASK_PRIORITIES.map((value) => [value, value[0]!.toUpperCase() + value.slice(1)] as const);
const STATUS_OPTIONS = COLUMNS.map((column) => [column.status, column.title] as const);

export function TaskEditorDialog({ projectId, target, onClose, onSaved }: TaskEditorDialogProps) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{target?.mode === "edit" ? "Edit task" : "Add a task"}</DialogTitle>
          <DialogDescription>Title, priority, an optional due date and notes.</DialogDescription>
        </DialogHeader>
        {target && (
          <TaskForm
            key={target.mode === "edit" ? target.task.id : `new-${target.status}`}
            projectId={projectId}
            target={target}
            onClose={onClose}
            onSaved={onSaved}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}


function TaskForm({ projectId, target, onClose, onSaved }: Omit<TaskEditorDialogProps, "target"> & { target: TaskEditorTarget }) {
  const initial = target.mode === "edit" ? target.task : null;
  const [title, setTitle] = useState(initial?.title ?? "");
  const [notes, setNotes] = useState(initial?.notes ?? "");
  const [priority, setPriority] = useState<TaskPriority>(initial?.priority ?? "medium");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  const [status, setStatus] = useState<TaskStatus>(initial?.status ?? (target.mode === "add" ? target.status : "todo"));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input =
      target.mode === "add"
        ? { title, notes, priority, status, ...(dueDate ? { dueDate } : {}) }
        : { title, notes, priority, status, dueDate };
    // The same schemas the server validates with, for feedback before the round trip.
    const parsed = target.mode === "add" ? newTaskSchema.safeParse(input) : taskPatchSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    startTransition(async () => {
      const result =
        target.mode === "add" ? await addTaskAction(projectId, input) : await updateTaskAction(projectId, target.task.id, input);
      if (!result.ok) {
        if (result.error.fields) setErrors(result.error.fields);
        toast.error(result.error.message);
        return;
      }
      onSaved(result.data, target.mode);
      toast.success(target.mode === "add" ? "Task added." : "Task saved.");
      onClose();
    });
  }

  const clear = (field: string) => setErrors(({ [field]: _cleared, ...rest }) => rest);

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField id="task-title" label="Title" required error={errors.title}>
        <Input value={title} autoFocus onChange={(event) => (setTitle(event.target.value), clear("title"))} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="task-priority" label="Priority" error={errors.priority}>
          {(control) => <OptionSelect {...control} className="w-full" value={priority} options={PRIORITY_OPTIONS} onChange={setPriority} />}
        </FormField>
        <FormField id="task-status" label="Column" error={errors.status}>
          {(control) => <OptionSelect {...control} className="w-full" value={status} options={STATUS_OPTIONS} onChange={setStatus} />}
        </FormField>
        <FormField id="task-due" label="Due date" error={errors.dueDate}>
          <Input type="date" value={dueDate} onChange={(event) => (setDueDate(event.target.value), clear("dueDate"))} />
        </FormField>
      </div>
      <FormField id="task-notes" label="Notes" error={errors.notes}>
        <Textarea value={notes} rows={4} onChange={(event) => (setNotes(event.target.value), clear("notes"))} />
      </FormField>
      <FormDialogFooter pending={pending} submitLabel={target.mode === "add" ? "Add task" : "Save"} onCancel={onClose} />
    </form>
  );
}
