"use client";

import { useState } from "react";
import { CircleAlertIcon, InfoIcon, PencilIcon, RefreshCwIcon, SquareIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { MessageDTO, ProposalDTO } from "@/lib/shared/chat/types";
import { CopyButton } from "@/components/chat/copy-button";
import { EditMessageForm } from "@/components/chat/edit-message-form";
import { errorMessage } from "@/lib/shared/errors";
import { Markdown } from "@/components/chat/markdown";
import { MessageAttachments } from "@/components/chat/attachments/message-attachments";
import { ChangeCard } from "@/components/projects/change-card";
import { PlanCard } from "@/components/projects/plan-card";
import { DetailsUpdateCard } from "@/components/chat/details-update-card";

export interface MessageItemProps {
  message: MessageDTO;
  /** True while this AI reply is receiving text. */
  streaming: boolean;
  /** The server's readable message when this reply failed during this visit. */
  errorText?: string;
  /** Set on the last AI reply when nothing is in flight. */
  onRegenerate?: () => void;
  /** Set on the last user message when nothing is in flight; resolves true when accepted. */
  onEdit?: (text: string) => Promise<boolean>;
  maxChars: number;
  /** A reply is in flight: proposal cards wait. */
  busy?: boolean;
  /** A plan or change card was decided (created, applied, dismissed). */
  onProposalChange?: (proposal: ProposalDTO) => void;
  /** The message a search result opened the conversation at: marked until the reader moves on. */
  focused?: boolean;
}

/** Every message is addressable (`#m-<id>`, search's links); the focused one is ringed. */
function anchorProps(id: string, focused: boolean | undefined, className: string) {
  return { id: `m-${id}`, "data-focused": focused ? "true" : undefined, className: cn(className, "scroll-mt-16 print:break-inside-avoid", focused && "rounded-2xl ring-2 ring-yellow-400 ring-offset-4 ring-offset-background") };
}

function ProposalCard(props: { message: MessageDTO; proposal: ProposalDTO; busy?: boolean; onChange?: (proposal: ProposalDTO) => void }) {
  const onChange = props.onChange ?? (() => {});
  if (props.proposal.kind === "details") return <DetailsUpdateCard messageId={props.message.id} proposal={props.proposal} disabled={props.busy} onChange={onChange} />;
  return props.proposal.kind === "plan" ? (
    <PlanCard messageId={props.message.id} proposal={props.proposal} disabled={props.busy} onChange={onChange} />
  ) : (
    <ChangeCard messageId={props.message.id} proposal={props.proposal} disabled={props.busy} onChange={onChange} />
  );
}

function TypingDots() {
  return (
    <span className="inline-flex items-center gap-1 py-1" role="status" aria-label="AI is writing">
      {[0, 1, 2].map((i) => (
        <span key={i} className="size-1.5 animate-bounce rounded-full bg-muted-foreground" style={{ animationDelay: `${i * 150}ms` }} />
      ))}
    </span>
  );
}

/** One turn: the user's text on the right, the AI's markdown on the left, or a small notice. */
export function MessageItem({ message, streaming, errorText, onRegenerate, onEdit, maxChars, busy, onProposalChange, focused }: MessageItemProps) {
  const [editing, setEditing] = useState(false);

  if (message.kind === "notice") {
    return (
      <li {...anchorProps(message.id, focused, "flex justify-center")} data-testid="chat-notice">
        <p className="inline-flex max-w-[90%] items-start gap-1.5 rounded-full bg-muted px-3 py-1 text-xs text-muted-foreground">
          <InfoIcon className="mt-0.5 size-3 shrink-0" aria-hidden="true" />
          <span>{message.message}</span>
        </p>
      </li>
    );
  }

  if (message.sender === "user") {
    return (
      <li {...anchorProps(message.id, focused, "flex flex-col items-end gap-1")} data-testid="user-message">
        {message.attachments && message.attachments.length > 0 && <MessageAttachments files={message.attachments} />}
        {editing && onEdit ? (
          <EditMessageForm
            initialText={message.message}
            maxChars={maxChars}
            onCancel={() => setEditing(false)}
            onSubmit={async (text) => {
              const accepted = await onEdit(text);
              if (accepted) setEditing(false);
              return accepted;
            }}
          />
        ) : (
          <>
            <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-primary px-4 py-2 text-sm whitespace-pre-wrap text-primary-foreground sm:max-w-[75%] print:max-w-full print:border print:bg-transparent print:text-foreground">
              <span className="sr-only print:not-sr-only print:font-semibold">You: </span>
              {message.message}
            </div>
            {onEdit && (
              <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => setEditing(true)}>
                <PencilIcon aria-hidden="true" />
                Edit
              </Button>
            )}
          </>
        )}
      </li>
    );
  }

  const failed = message.status === "error";
  return (
    <li {...anchorProps(message.id, focused, "flex flex-col items-start gap-1")} data-testid="ai-message" data-status={message.status}>
      <div className="w-full max-w-full rounded-2xl rounded-bl-sm border bg-card px-4 py-3 sm:max-w-[85%] print:max-w-full">
        <span className="sr-only print:not-sr-only print:font-semibold">AI: </span>
        {message.message ? <Markdown text={message.message} /> : streaming ? <TypingDots /> : null}
        {failed && (
          <div role="alert" className={cn("flex items-start gap-2 text-sm text-destructive", message.message && "mt-3")}>
            <CircleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <p>{errorText ?? errorMessage(message.errorCode)}</p>
          </div>
        )}
        {message.proposal && message.status === "complete" && <ProposalCard message={message} proposal={message.proposal} busy={busy} onChange={onProposalChange} />}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        {message.status === "stopped" && (
          <Badge variant="outline" className="gap-1 text-muted-foreground">
            <SquareIcon aria-hidden="true" />
            Stopped
          </Badge>
        )}
        {message.message && !streaming && <CopyButton getText={() => message.message} label="Copy reply" />}
        {onRegenerate && (
          <Button variant={failed ? "outline" : "ghost"} size="sm" className="h-7 px-2 text-xs" onClick={onRegenerate}>
            <RefreshCwIcon aria-hidden="true" />
            {failed ? "Retry" : "Regenerate"}
          </Button>
        )}
      </div>
    </li>
  );
}
