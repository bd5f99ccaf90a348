"use client";

import { fieldErrors } from "@/lib/shared/errors";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { editProjectAction } from "@/app/(app)/projects/actions";
import { projectEditSchema } from "@/lib/shared/projects/task-schemas";
import type { ProjectDTO } from "@/lib/shared/projects/types";
import { FormDialogFooter } from "@/components/projects/form-dialog-footer";

export interface EditProjectDialogProps {
  project: ProjectDTO | null;
  onClose: () => void;
  onSaved: (project: ProjectDTO) => void;
}

/** Rename the project or change its description; checked with the schema the server uses. */
export function EditProjectDialog({ project, onClose, onSaved }: EditProjectDialogProps) {
  return (
    <Dialog open={project !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rename project</DialogTitle>
          <DialogDescription>Its tasks and chat stay as they are.</DialogDescription>
        </DialogHeader>
        {project && <EditForm key={project.id} project={project} onClose={onClose} onSaved={onSaved} />}
      </DialogContent>
    </Dialog>
  );
}

function EditForm({ project, onClose, onSaved }: Omit<EditProjectDialogProps, "project"> & { project: ProjectDTO }) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = projectEditSchema.safeParse({ name, description });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    startTransition(async () => {
      const result = await editProjectAction(project.id, parsed.data);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        toast.error(result.error.message);
        return;
      }
      onSaved(result.data);
      toast.success("Project saved.");
      onClose();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField id="project-name" label="Name" required error={errors.name}>
        <Input value={name} autoFocus onChange={(event) => (setName(event.target.value), setErrors({}))} />
      </FormField>
      <FormField id="project-description" label="Description" error={errors.description}>
        <Textarea value={description} rows={3} onChange={(event) => (setDescription(event.target.value), setErrors({}))} />
      </FormField>
      <FormDialogFooter pending={pending} submitLabel="Save" onCancel={onClose} />
    </form>
  );
}
