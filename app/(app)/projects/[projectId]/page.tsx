import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";

import { ChatView } from "@/components/chat/chat-view";
import { ProjectBoard } from "@/components/projects/project-board";
import { ProjectHeader } from "@/components/projects/project-header";
import { TimeZoneSync } from "@/components/projects/time-zone-sync";
import { requireUser } from "@/lib/auth/session";
import { toOwner } from "@/lib/chat/owner";
import { chatModelInfo, getConversationView } from "@/lib/chat/queries";
import { isAppError } from "@/lib/errors";
import { getBoard } from "@/lib/projects/queries";
import { userToday } from "@/lib/projects/user-today";

interface ProjectPageProps {
  params: Promise<{ projectId: string }>;
}

async function loadBoard(projectId: string, callbackPath?: string) {
  const user = await requireUser(callbackPath);
  try {
    return { user, board: await getBoard(toOwner(user), projectId) };
  } catch (error) {
    // Not yours, not there, or not an id: the same "not found".
    if (isAppError(error) && error.kind === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: ProjectPageProps): Promise<Metadata> {
  const { projectId } = await params;
  const { board } = await loadBoard(projectId);
  return { title: board.project.name };
}

export default async function ProjectPage({ params }: ProjectPageProps) {
  const { projectId } = await params;
  const { user, board } = await loadBoard(projectId, `/projects/${projectId}`);
  const [chat, today] = await Promise.all([getConversationView(user, board.project.conversationId), userToday()]);

  return (
    <div className="mx-auto grid w-full max-w-7xl gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <TimeZoneSync />
      <div className="grid min-w-0 content-start gap-4">
        <Link href="/projects" className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeftIcon className="size-4" aria-hidden="true" />
          All projects
        </Link>
        {/* Keyed by the stored project, so a rename applied from the chat (then a refresh) shows. */}
        <ProjectHeader key={`${board.project.name}|${board.project.status}`} project={board.project} />
        <ProjectBoard projectId={board.project.id} projectName={board.project.name} initialTasks={board.tasks} today={today} />
      </div>
      <div className="min-w-0">
        {chat ? (
          // The panel fills this box: beside the board on wide screens, below it on a phone.
          <div className="h-[75dvh] xl:sticky xl:top-4 xl:h-[calc(100dvh-3.5rem-3rem)]">
            <ChatView key={chat.conversation.id} conversation={chat.conversation} initialMessages={chat.messages} model={chatModelInfo()} variant="panel" />
          </div>
        ) : (
          <p className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">
            This project&apos;s chat was deleted. The board still works; start a new Project Planner chat from the roles page if you
            want to plan more.
          </p>
        )}
      </div>
    </div>
  );
}
