"use client";

import { useState } from "react";
import { toast } from "sonner";

import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { deleteProjectAction } from "@/app/(app)/projects/actions";
import type { ProjectDTO } from "@/lib/shared/projects/types";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import { announceConversationsChanged } from "@/components/layout/conversation-events";

export interface DeleteProjectDialogProps {
  project: ProjectDTO;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
}

/** Confirms deleting a project and its tasks; the user chooses whether its chat goes too. */
export function DeleteProjectDialog({ project, open, onOpenChange, onDeleted }: DeleteProjectDialogProps) {
  const [deleteChat, setDeleteChat] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete "${project.name}"?`}
      description={
        <span className="grid gap-3">
          <span>The project and all of its tasks will be deleted. This cannot be undone.</span>
          <span className="flex items-center gap-2 text-foreground">
            <Checkbox id="delete-project-chat" checked={deleteChat} onCheckedChange={(value) => setDeleteChat(value === true)} />
            <Label htmlFor="delete-project-chat">Also delete its chat</Label>
          </span>
        </span>
      }
      confirmLabel="Delete project"
      onConfirm={async () => {
        const result = await deleteProjectAction(project.id, { deleteChat });
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        if (deleteChat) announceConversationsChanged();
        toast.success(deleteChat ? "Project and its chat deleted." : "Project deleted. Its chat is still in your conversations.");
        onDeleted();
      }}
    />
  );
}
