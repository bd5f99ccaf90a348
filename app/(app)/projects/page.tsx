import type { Metadata } from "next";
import Link from "next/link";
import { FolderKanbanIcon, PlusIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/projects/empty-state";
import { ProjectCard } from "@/components/projects/project-card";
import { TimeZoneSync } from "@/components/projects/time-zone-sync";
import { requireUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { listProjectItems } from "@/lib/server/services/projects/queries";
import type { ProjectListItem, ProjectStatus } from "@/lib/shared/projects/types";
import { userToday } from "@/lib/server/services/projects/user-today";

export const metadata: Metadata = { title: "Projects" };

const SECTIONS: { status: ProjectStatus; title: string }[] = [
  { status: "active", title: "Active" },
  { status: "done", title: "Done" },
  { status: "archived", title: "Archived" },
];

export default async function ProjectsPage() {
  const user = await requireUser("/projects");
  const [projects, today] = await Promise.all([listProjectItems(toOwner(user)), userToday()]);

  return (
    <div className="mx-auto grid w-full max-w-5xl gap-6">
      <TimeZoneSync />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
        <Button asChild>
          <Link href="/projects/new">
            <PlusIcon aria-hidden="true" />
            Create project
          </Link>
        </Button>
      </div>
      {projects.length === 0 ? (
        <EmptyState
          id="projects-empty"
          icon={<FolderKanbanIcon aria-hidden="true" />}
          title="No projects yet"
          actions={
            <Button asChild>
              <Link href="/projects/new">Create your first project</Link>
            </Button>
          }
        >
          Describe an idea to the Project Planner; it proposes a plan you can edit, and accepting it creates a board of tasks.
        </EmptyState>
      ) : (
        SECTIONS.map(({ status, title }) => <ProjectSection key={status} status={status} title={title} projects={projects} today={today} />)
      )}
    </div>
  );
}

function ProjectSection({ status, title, projects, today }: { status: ProjectStatus; title: string; projects: ProjectListItem[]; today: string }) {
  const items = projects.filter((project) => project.status === status);
  if (items.length === 0 && status !== "active") return null;
  return (
    <section aria-labelledby={`projects-${status}`} className="grid gap-3">
      <h2 id={`projects-${status}`} className="text-sm font-semibold tracking-wide text-muted-foreground uppercase">
        {title} <span className="font-normal">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No active projects. Reopen one below or create a new one.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((project) => (
            <ProjectCard key={project.id} project={project} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}
