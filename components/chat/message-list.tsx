"use client";

import { ArrowDownIcon, MessageSquareDashedIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import type { MessageDTO, ProposalDTO } from "@/lib/chat/types";
import { MessageItem } from "@/components/chat/message-item";
import { useStickToBottom } from "@/components/chat/use-stick-to-bottom";

export interface MessageListProps {
  messages: MessageDTO[];
  streamingId: string | null;
  busy: boolean;
  errorMessages: Record<string, string>;
  maxChars: number;
  onRegenerate: () => void;
  onEdit: (text: string) => Promise<boolean>;
  onProposalChange: (messageId: string, proposal: ProposalDTO) => void;
  /** What the empty conversation says. */
  emptyHint?: string;
}

/** The conversation, scrolled to the end while a reply streams unless the user scrolled up. */
export function MessageList({
  messages,
  streamingId,
  busy,
  errorMessages,
  maxChars,
  onRegenerate,
  onEdit,
  onProposalChange,
  emptyHint = "Ask your first question below. The AI already has the details you gave.",
}: MessageListProps) {
  const last = messages.at(-1);
  const contentKey = `${messages.length}:${last?.id}:${last?.message.length}:${last?.status}`;
  const { ref, onScroll, atBottom, scrollToBottom } = useStickToBottom<HTMLDivElement>(contentKey);
  const turns = messages.filter((message) => message.kind === "message");
  const lastTurn = turns.at(-1);
  const lastUserId = turns.findLast((message) => message.sender === "user")?.id;

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={ref} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain px-1 py-4" data-testid="message-scroller">
        {messages.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-2 text-center text-muted-foreground">
            <MessageSquareDashedIcon className="size-8" aria-hidden="true" />
            <p className="font-medium text-foreground">Say hello</p>
            <p className="max-w-sm text-sm">{emptyHint}</p>
          </div>
        ) : (
          <ol className="mx-auto grid max-w-3xl gap-4" aria-label="Messages" aria-live="polite" aria-busy={busy}>
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                message={message}
                streaming={message.id === streamingId}
                errorText={errorMessages[message.id]}
                maxChars={maxChars}
                busy={busy}
                onProposalChange={(proposal) => onProposalChange(message.id, proposal)}
                onRegenerate={!busy && message.sender === "ai" && message.id === lastTurn?.id ? onRegenerate : undefined}
                onEdit={!busy && message.sender === "user" && message.id === lastUserId ? onEdit : undefined}
              />
            ))}
          </ol>
        )}
      </div>
      {!atBottom && (
        <Button
          variant="outline"
          size="icon-sm"
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full shadow-md"
          onClick={() => scrollToBottom()}
          aria-label="Scroll to the latest message"
        >
          <ArrowDownIcon aria-hidden="true" />
        </Button>
      )}
    </div>
  );
}
