"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { CircleAlertIcon, FolderKanbanIcon, XIcon } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ChatModelInfo, ConversationDTO, MessageDTO } from "@/lib/shared/chat/types";
import { ChatHeader } from "@/components/chat/chat-header";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { ExportMenu } from "@/components/chat/export-menu";
import { Composer } from "@/components/chat/composer";
import { DetailsCard } from "@/components/chat/details-card";
import { MessageList } from "@/components/chat/message-list";
import { takeStarter } from "@/components/chat/pending-starter";
import { useChatSession } from "@/components/chat/use-chat-session";
import { useAttachments } from "@/components/chat/attachments/use-attachments";

export interface ChatViewProps {
  conversation: ConversationDTO;
  initialMessages: MessageDTO[];
  /** Older messages exist than the page opened with (they load as the reader scrolls up). */
  hasOlder: boolean;
  /** Opened at a search match in the middle: newer messages exist (they load as the reader scrolls down). */
  hasNewer?: boolean;
  /** The message the page opened at, scrolled to and marked. */
  focusId?: string;
  model: ChatModelInfo;
  /** A first message to send once (from ?starter=), when the conversation is still empty. */
  starter?: string;
}

function emptyHintFor(conversation: ConversationDTO): string | undefined {
  if (conversation.projectId) return "Ask about the project, or ask for changes: “add a task: …”. Nothing changes until you apply it.";
  if (conversation.mode === "project-planning") return "Describe your project: what you want to achieve, by when, and the steps you already know. The AI will propose a plan.";
  return undefined;
}

function refusalText(message: string, retryAfterSeconds: number | undefined): string {
  return retryAfterSeconds ? `${message} You can try again in ${retryAfterSeconds} s.` : message;
}

/** The chat page's client side: header, details card, messages, composer and the reply stream. */
export function ChatView({ conversation, initialMessages, hasOlder, hasNewer, focusId, model, starter }: ChatViewProps) {
  const session = useChatSession(conversation.id, initialMessages, conversation.title);
  const { submit } = session;
  const [details, setDetails] = useState(conversation.details);
  // A details card applied elsewhere on the page refreshes the server's props: take their details.
  const [serverDetails, setServerDetails] = useState(conversation.details);
  if (serverDetails !== conversation.details) {
    setServerDetails(conversation.details);
    setDetails(conversation.details);
  }
  const router = useRouter();
  const pathname = usePathname();
  const starterSent = useRef(false);
  const attachments = useAttachments(conversation.id, model.attachments);

  // A starter picked on the role page is sent once, as the first message of a fresh chat.
  useEffect(() => {
    if (starterSent.current) return;
    starterSent.current = true;
    const text = starter ?? takeStarter(conversation.roleId);
    if (starter) router.replace(pathname, { scroll: false });
    if (text && initialMessages.length === 0) void submit({ mode: "send", text });
  }, [conversation.roleId, initialMessages.length, pathname, router, starter, submit]);

  return (
    // min-w-0: as a grid or flex item (the project page's chat column) it must shrink to its track, not to its longest line.
    <div className="mx-auto flex h-[calc(100dvh-3.5rem-2rem)] w-full max-w-4xl min-w-0 flex-col gap-3 md:h-[calc(100dvh-3.5rem-3rem)] print:h-auto print:max-w-none">
      <ChatHeader
        roleId={conversation.roleId}
        roleName={conversation.roleName}
        roleIcon={conversation.roleIcon}
        title={session.title}
        model={model}
        actions={
          <>
            <ExportMenu conversationId={conversation.id} />
            <ShareDialog conversationId={conversation.id} />
          </>
        }
      />
      {/* On the project page the board is beside the chat already. */}
      {conversation.projectId && !pathname.startsWith("/projects/") && (
        <Button asChild variant="outline" size="sm" className="w-fit">
          <Link href={`/projects/${conversation.projectId}`}>
            <FolderKanbanIcon aria-hidden="true" />
            Open project board
          </Link>
        </Button>
      )}
      <DetailsCard
        conversationId={conversation.id}
        fields={conversation.fields}
        details={details}
        disabled={session.busy}
        onUpdated={(next, notice) => {
          setDetails(next);
          session.addMessage(notice);
        }}
      />
      <MessageList
        conversationId={conversation.id}
        messages={session.messages}
        initialHasOlder={hasOlder}
        onPrepend={session.prependMessages}
        initialHasNewer={hasNewer}
        onAppend={session.appendMessages}
        focusId={focusId}
        streamingId={session.streamingId}
        busy={session.busy}
        errorMessages={session.errorMessages}
        maxChars={model.maxMessageChars}
        onRegenerate={() => void submit({ mode: "regenerate" })}
        onEdit={(text) => submit({ mode: "edit", text })}
        onProposalChange={session.updateProposal}
        emptyHint={emptyHintFor(conversation)}
      />
      {session.refusal && (
        <Alert variant="destructive" data-testid="chat-refusal" className="pr-10 print:hidden">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="text-destructive">
            {refusalText(session.refusal.message, session.refusal.retryAfterSeconds)}
          </AlertDescription>
          <Button
            variant="ghost"
            size="icon-sm"
            className="absolute top-1.5 right-1.5"
            onClick={session.dismissRefusal}
            aria-label="Dismiss"
          >
            <XIcon aria-hidden="true" />
          </Button>
        </Alert>
      )}
      {/* Printing ("Save as PDF") keeps the conversation only: print:hidden here and on the shell's chrome. */}
      <div className="print:hidden">
        <Composer
          busy={session.busy}
          maxChars={model.maxMessageChars}
          onSend={async (text) => {
            const attachmentIds = attachments.readyIds() ?? [];
            const accepted = await submit({ mode: "send", text, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) });
            if (accepted) attachments.clear();
            return accepted;
          }}
          onStop={session.stop}
          attach={{ state: attachments, limits: model.attachments }}
        />
      </div>
    </div>
  );
}
