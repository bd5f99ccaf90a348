"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ArchiveIcon, CheckCircle2Icon, MoreHorizontalIcon, PencilIcon, RotateCcwIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { setProjectStatusAction } from "@/app/(app)/projects/actions";
import type { ProjectDTO, ProjectStatus } from "@/lib/shared/projects/types";
import { DeleteProjectDialog } from "@/components/projects/delete-project-dialog";
import { EditProjectDialog } from "@/components/projects/edit-project-dialog";

const STATUS_TOAST: Record<ProjectStatus, string> = {
  active: "Project reopened.",
  done: "Project marked done.",
  archived: "Project archived.",
};

/** Name, description and status of the project, with rename, mark done, archive, reopen and delete. */
export function ProjectHeader({ project: initial }: { project: ProjectDTO }) {
  const [project, setProject] = useState(initial);
  // A refresh (a rename from the chat, a change in another tab) brings the stored project: it
  // replaces what this header shows without remounting it, so an open menu or dialog stays open.
  const [stored, setStored] = useState(initial);
  if (stored !== initial) {
    setStored(initial);
    setProject(initial);
  }
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const router = useRouter();

  async function changeStatus(status: ProjectStatus) {
    const result = await setProjectStatusAction(project.id, status);
    if (!result.ok) {
      toast.error(result.error.message);
      return;
    }
    setProject(result.data);
    toast.success(STATUS_TOAST[status]);
  }

  return (
    <header className="flex flex-wrap items-start gap-3">
      <div className="grid min-w-0 flex-1 gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="project-name">
            {project.name}
          </h1>
          {project.status !== "active" && (
            <Badge variant="secondary" data-testid="project-status">
              {project.status === "done" ? "Done" : "Archived"}
            </Badge>
          )}
        </div>
        {project.description && <p className="text-sm text-muted-foreground">{project.description}</p>}
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" aria-label="Project actions">
            <MoreHorizontalIcon aria-hidden="true" />
            Project
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <PencilIcon aria-hidden="true" />
            Rename
          </DropdownMenuItem>
          {project.status !== "done" && (
            <DropdownMenuItem onSelect={() => void changeStatus("done")}>
              <CheckCircle2Icon aria-hidden="true" />
              Mark done
            </DropdownMenuItem>
          )}
          {project.status !== "archived" && (
            <DropdownMenuItem onSelect={() => void changeStatus("archived")}>
              <ArchiveIcon aria-hidden="true" />
              Archive
            </DropdownMenuItem>
          )}
          {project.status !== "active" && (
            <DropdownMenuItem onSelect={() => void changeStatus("active")}>
              <RotateCcwIcon aria-hidden="true" />
              Reopen
            </DropdownMenuItem>
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(true)}>
            <Trash2Icon aria-hidden="true" />
            Delete project
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <EditProjectDialog project={editing ? project : null} onClose={() => setEditing(false)} onSaved={setProject} />
      <DeleteProjectDialog
        project={project}
        open={deleting}
        onOpenChange={setDeleting}
        onDeleted={() => {
          router.push("/projects");
          router.refresh();
        }}
      />
    </header>
  );
}
