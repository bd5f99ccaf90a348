import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { FolderKanbanIcon, MessageSquarePlusIcon, MessagesSquareIcon, SparklesIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DueTaskList } from "@/components/projects/due-task-list";
import { EmptyState } from "@/components/projects/empty-state";
import { ProjectCard } from "@/components/projects/project-card";
import { TimeZoneSync } from "@/components/projects/time-zone-sync";
import { requireUser } from "@/lib/server/services/auth/session";
import { listConversations } from "@/lib/server/services/chat/conversation-service";
import { toOwner } from "@/lib/server/services/owner";
import { getDashboardProjects } from "@/lib/server/services/projects/queries";
import { userToday } from "@/lib/server/services/projects/user-today";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Dashboard" };

const RECENT_CONVERSATIONS = 5;

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const owner = toOwner(user);
  const today = await userToday();
  const [recent, projects] = await Promise.all([listConversations(owner, null, RECENT_CONVERSATIONS), getDashboardProjects(owner, today)]);
  const last = recent.items[0];
  const firstRun = recent.items.length === 0 && projects.active.length === 0;

  return (
    <div className="mx-auto grid w-full max-w-5xl gap-8">
      <TimeZoneSync />
      <LiveRefresh on={["board", "conversation", "removed"]} />
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-muted-foreground">Welcome, {user.name ?? user.username}.</p>
      </div>

      <section aria-label="Quick actions" className="grid gap-3 sm:grid-cols-3">
        <QuickAction href="/roles" icon={<MessageSquarePlusIcon aria-hidden="true" />} title="New chat" text="Pick a role and start talking." />
        <QuickAction href="/projects/new" icon={<FolderKanbanIcon aria-hidden="true" />} title="Create project" text="Plan it with the Project Planner." />
        {last ? (
          <QuickAction href={`/chat/${last.id}`} icon={<MessagesSquareIcon aria-hidden="true" />} title="Continue last conversation" text={last.title} />
        ) : (
          <div className="rounded-xl border border-dashed p-4 text-sm text-muted-foreground">Your last conversation will be one click away here.</div>
        )}
      </section>

      {firstRun ? (
        <EmptyState
          id="first-run"
          icon={<SparklesIcon aria-hidden="true" />}
          title="Welcome to ChatCraft"
          actions={
            <>
              <Button asChild>
                <Link href="/roles">Browse roles</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/projects/new">Create a project</Link>
              </Button>
            </>
          }
        >
          Pick a role — tech support, financial advisor, project planner and more — fill in its details once, and start chatting.
          Or describe an idea to the Project Planner and turn it into a board of tasks.
        </EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="due-tasks" className="grid content-start gap-3">
            <h2 id="due-tasks" className="text-lg font-medium">
              Due this week
            </h2>
            <DueTaskList tasks={projects.due} today={today} />
          </section>
          <section aria-labelledby="recent-conversations" className="grid content-start gap-3">
            <h2 id="recent-conversations" className="text-lg font-medium">
              Recent conversations
            </h2>
            {recent.items.length === 0 ? (
              <p className="text-sm text-muted-foreground">No conversations yet.</p>
            ) : (
              <ul className="grid gap-1">
                {recent.items.map((conversation) => (
                  <li key={conversation.id}>
                    <Link href={`/chat/${conversation.id}`} className="flex flex-wrap items-baseline justify-between gap-x-3 rounded-md px-2 py-1.5 hover:bg-muted">
                      <span className="min-w-0 truncate">{conversation.title}</span>
                      <span className="text-xs text-muted-foreground">{conversation.roleName}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="active-projects" className="grid content-start gap-3 lg:col-span-2">
            <div className="flex items-center justify-between gap-3">
              <h2 id="active-projects" className="text-lg font-medium">
                Active projects
              </h2>
              <Link href="/projects" className="text-sm text-muted-foreground hover:text-foreground hover:underline">
                All projects
              </Link>
            </div>
            {projects.active.length === 0 ? (
              <p className="text-sm text-muted-foreground">No active projects. Create one from an idea in a few messages.</p>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {projects.active.slice(0, 6).map((project) => (
                  <ProjectCard key={project.id} project={project} today={today} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function QuickAction({ href, icon, title, text }: { href: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Link
      href={href}
      className="grid gap-1 rounded-xl border bg-card p-4 text-card-foreground transition-colors hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
    >
      <span className="flex items-center gap-2 font-medium [&_svg]:size-4">
        {icon}
        {title}
      </span>
      <span className="truncate text-sm text-muted-foreground">{text}</span>
    </Link>
  );
}
