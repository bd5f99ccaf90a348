import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";

import { ProjectBoard } from "@/components/projects/project-board";
import { ProjectChatPanel } from "@/components/projects/project-chat-panel";
import { ProjectHeader } from "@/components/projects/project-header";
import { BoardShareDialog } from "@/components/sharing/board-share-dialog";
import { TimeZoneSync } from "@/components/projects/time-zone-sync";
import { LiveRefresh } from "@/components/live/live-refresh";
import { requireUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { chatModelInfo, getConversationView } from "@/lib/server/services/chat/queries";
import { isAppError } from "@/lib/shared/errors";
import { getBoard } from "@/lib/server/services/projects/queries";
import { userToday } from "@/lib/server/services/projects/user-today";

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
    <div className="mx-auto grid w-full max-w-7xl gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <TimeZoneSync />
      <LiveRefresh on={["board"]} projectId={board.project.id} />
      <div className="grid min-w-0 content-start gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link href="/projects" className="flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
            <ArrowLeftIcon className="size-4" aria-hidden="true" />
            All projects
          </Link>
          <BoardShareDialog projectId={board.project.id} />
        </div>
        <ProjectHeader project={board.project} />
        <ProjectBoard projectId={board.project.id} projectName={board.project.name} initialTasks={board.tasks} today={today} />
      </div>
      {/* Clip, don't scroll: a long line in the chat must not widen the page (the keyboard drag would scroll it sideways). */}
      <div className="min-w-0 overflow-x-clip">
        {chat ? (
          <ProjectChatPanel projectId={board.project.id} conversation={chat.conversation} initialMessages={chat.messages} hasOlder={chat.hasOlder} model={chatModelInfo()} />
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
