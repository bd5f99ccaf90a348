"use client";

import { useCallback, useEffect, useRef } from "react";
import { ArrowDownIcon, LoaderCircleIcon, MessageSquareDashedIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import type { MessageDTO, ProposalDTO } from "@/lib/shared/chat/types";
import { MessageItem } from "@/components/chat/message-item";
import { useNewerMessages } from "@/components/chat/use-newer-messages";
import { useOlderMessages } from "@/components/chat/use-older-messages";
import { useStickToBottom } from "@/components/chat/use-stick-to-bottom";

export interface MessageListProps {
  conversationId: string;
  messages: MessageDTO[];
  /** The page opened on the newest messages only and older ones exist. */
  initialHasOlder: boolean;
  onPrepend: (older: MessageDTO[]) => void;
  streamingId: string | null;
  busy: boolean;
  errorMessages: Record<string, string>;
  maxChars: number;
  onRegenerate: () => void;
  onEdit: (text: string) => Promise<boolean>;
  onProposalChange: (messageId: string, proposal: ProposalDTO) => void;
  /** What the empty conversation says. */
  emptyHint?: string;
  /** The page opened in the middle (at a search match) and newer messages exist. */
  initialHasNewer?: boolean;
  onAppend?: (newer: MessageDTO[]) => void;
  /** The message to open scrolled to and marked (search's jump to the match). */
  focusId?: string;
}

const noop = () => {};

/** Start loading the previous page this far (px) before the reader reaches the top. */
const PRELOAD_MARGIN_PX = 600;

/**
 * The conversation, scrolled to the end while a reply streams unless the user scrolled up.
 * It opens on the newest page; scrolling up loads older pages in front without moving what the
 * reader is looking at.
 */
export function MessageList(props: MessageListProps) {
  const { conversationId, messages, initialHasOlder, onPrepend, streamingId, busy, errorMessages, maxChars, onRegenerate, onEdit, onProposalChange } = props;
  const emptyHint = props.emptyHint ?? "Ask your first question below. The AI already has the details you gave.";
  const last = messages.at(-1);
  // The newest message only: a page of older messages in front must not pull the view down.
  const contentKey = `${last?.id}:${last?.message.length}:${last?.status}`;
  const { ref, onScroll, atBottom, scrollToBottom, keepPositionOnPrepend, release } = useStickToBottom<HTMLDivElement>(contentKey);
  const prepend = useCallback(
    (page: MessageDTO[]) => {
      keepPositionOnPrepend();
      onPrepend(page);
    },
    [keepPositionOnPrepend, onPrepend],
  );
  const older = useOlderMessages(conversationId, messages[0], initialHasOlder, prepend);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasOlder, loading, error, loadOlder } = older;
  const { onAppend = noop } = props;
  const append = useCallback(
    (page: MessageDTO[]) => {
      release();
      onAppend(page);
    },
    [release, onAppend],
  );
  const newer = useNewerMessages(conversationId, last, props.initialHasNewer === true, append);
  const bottomSentinel = useRef<HTMLDivElement>(null);
  const { focusId } = props;

  // Opened at a search match: centre it (once) and stop following the end, so nothing pulls the view down.
  useEffect(() => {
    const node = ref.current;
    const target = focusId ? node?.querySelector<HTMLElement>(`#m-${CSS.escape(focusId)}`) : null;
    if (!node || !target) return;
    const offset = target.getBoundingClientRect().top - node.getBoundingClientRect().top;
    node.scrollTop = Math.max(0, node.scrollTop + offset - node.clientHeight / 2 + target.offsetHeight / 2);
    onScroll();
    release();
  }, [focusId, ref, onScroll, release]);

  const { loadNewer } = newer;
  useEffect(() => {
    const node = bottomSentinel.current;
    if (!node || !ref.current) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && void loadNewer(), {
      root: ref.current,
      rootMargin: `0px 0px ${PRELOAD_MARGIN_PX}px 0px`,
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [loadNewer, ref]);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !ref.current) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && void loadOlder(), {
      root: ref.current,
      rootMargin: `${PRELOAD_MARGIN_PX}px 0px 0px 0px`,
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [loadOlder, ref]);

  // The top may still be near once a page has landed (a short page, a tall screen); the
  // observer only reports changes, so look again — at the scroll position itself, which the
  // prepend has already restored, not at the observer's last (now stale) report.
  useEffect(() => {
    if (!loading && !error && ref.current && ref.current.scrollTop < PRELOAD_MARGIN_PX) void loadOlder();
  }, [loading, error, loadOlder, ref]);

  const turns = messages.filter((message) => message.kind === "message");
  const lastTurn = turns.at(-1);
  const lastUserId = turns.findLast((message) => message.sender === "user")?.id;
  // The last reply's plan or changes were used: regenerating or editing would rewrite that record.
  const decided = lastTurn?.sender === "ai" && lastTurn.proposal !== undefined && lastTurn.proposal.state !== "proposed";

  return (
    <div className="relative min-h-0 flex-1 print:flex-none">
      <div ref={ref} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain px-1 py-4 print:h-auto print:overflow-visible print:p-0" data-testid="message-scroller">
        <div className="flex min-h-full flex-col">
          {messages.length === 0 ? (
            <div className="flex flex-1 flex-col items-center justify-center gap-2 text-center text-muted-foreground">
              <MessageSquareDashedIcon className="size-8" aria-hidden="true" />
              <p className="font-medium text-foreground">Say hello</p>
              <p className="max-w-sm text-sm">{emptyHint}</p>
            </div>
          ) : (
            <>
              {/* One height for the button, the loading line and the end: swapping them must not move what is below. */}
              {hasOlder && <p className="hidden text-sm print:block">Earlier messages are not in this printout: Export → Download Markdown has the whole conversation.</p>}
              <div ref={sentinel} className="flex min-h-10 shrink-0 items-center justify-center text-xs text-muted-foreground print:hidden" data-testid="older-messages">
                {loading ? (
                  <span className="inline-flex items-center gap-1.5" role="status">
                    <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden="true" />
                    Loading older messages…
                  </span>
                ) : error ? (
                  <span className="inline-flex items-center gap-2 text-destructive" role="alert">
                    {error}
                    <Button variant="outline" size="sm" className="h-7 px-2 text-xs" onClick={() => void loadOlder()}>
                      Retry
                    </Button>
                  </span>
                ) : hasOlder ? (
                  <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => void loadOlder()}>
                    Load older messages
                  </Button>
                ) : (
                  initialHasOlder && <span>Start of the conversation</span>
                )}
              </div>
              <ol className="mx-auto grid w-full max-w-3xl gap-4 print:max-w-none" aria-label="Messages" aria-live="polite" aria-busy={busy}>
                {messages.map((message) => (
                  <MessageItem
                    key={message.id}
                    message={message}
                    focused={message.id === focusId}
                    streaming={message.id === streamingId}
                    errorText={errorMessages[message.id]}
                    maxChars={maxChars}
                    busy={busy}
                    onProposalChange={(proposal) => onProposalChange(message.id, proposal)}
                    onRegenerate={!busy && !decided && message.sender === "ai" && message.id === lastTurn?.id ? onRegenerate : undefined}
                    onEdit={!busy && !decided && message.sender === "user" && message.id === lastUserId ? onEdit : undefined}
                  />
                ))}
              </ol>
              {(newer.hasNewer || newer.loading || newer.error) && (
                <div ref={bottomSentinel} className="flex min-h-10 shrink-0 items-center justify-center gap-2 text-xs text-muted-foreground" data-testid="newer-messages">
                  {newer.loading ? (
                    <span className="inline-flex items-center gap-1.5" role="status">
                      <LoaderCircleIcon className="size-3.5 animate-spin" aria-hidden="true" />
                      Loading newer messages…
                    </span>
                  ) : newer.error ? (
                    <span className="inline-flex items-center gap-2 text-destructive" role="alert">
                      {newer.error}
                      <Button variant="outline" size="sm" className="h-7 px-2 text-xs" onClick={() => void loadNewer()}>
                        Retry
                      </Button>
                    </span>
                  ) : (
                    <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => void loadNewer()}>
                      Load newer messages
                    </Button>
                  )}
                </div>
              )}
            </>
          )}
        </div>
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
