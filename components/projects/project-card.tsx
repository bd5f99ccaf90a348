import Link from "next/link";

import type { ProjectListItem } from "@/lib/shared/projects/types";
import { DueBadge } from "@/components/projects/due-badge";
import { ProjectProgress } from "@/components/projects/project-progress";

/** A project in a list: name (a link), progress, and its next due open task. */
export function ProjectCard({ project, today }: { project: ProjectListItem; today: string }) {
  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4 text-card-foreground" data-testid="project-card">
      <div className="grid gap-1">
        <Link href={`/projects/${project.id}`} className="font-medium break-words hover:underline">
          {project.name}
        </Link>
        {project.description && <p className="line-clamp-2 text-sm text-muted-foreground">{project.description}</p>}
      </div>
      <ProjectProgress counts={project.taskCounts} label={`${project.name} progress`} />
      {project.nextDue ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Next:</span>
          <Link href={`/projects/${project.id}`} className="min-w-0 truncate hover:underline">
            {project.nextDue.title}
          </Link>
          <DueBadge dueDate={project.nextDue.dueDate} today={today} />
        </p>
      ) : (
        project.status === "active" && <p className="text-sm text-muted-foreground">No dated tasks open.</p>
      )}
    </li>
  );
}
