"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { listConversationsAction } from "@/app/(app)/chat/actions";
import type { ConversationSummary } from "@/lib/shared/chat/types";
import { CONVERSATIONS_CHANGED_EVENT } from "@/components/layout/conversation-events";
import { useLive } from "@/components/live/use-live";

export interface ConversationListState {
  items: ConversationSummary[];
  /** True until the first page has answered. */
  initialLoading: boolean;
  loadingMore: boolean;
  /** Counts finished reads, so a scroll that reached the end while one was in flight is answered after it. */
  settled: number;
  hasMore: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
  /** Local edits after an action succeeded, so the list updates without a round trip. */
  update: (updater: (items: ConversationSummary[]) => ConversationSummary[]) => void;
}

/** The sidebar's conversations, one cursor page at a time, reloaded when the app says they changed. */
export function useConversationList(): ConversationListState {
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [initialLoading, setInitialLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Answers to an older reload must not overwrite a newer one.
  const generation = useRef(0);
  const busy = useRef(false);
  const [settled, setSettled] = useState(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    busy.current = true;
    void listConversationsAction(null)
      .then((result) => {
        if (mine !== generation.current) return;
        if (result.ok) {
          setItems(result.data.items);
          setCursor(result.data.nextCursor);
          setHasMore(result.data.nextCursor !== null);
          setError(null);
        } else {
          setError(result.error.message);
        }
      })
      .catch(() => mine === generation.current && setError("Could not load conversations."))
      .finally(() => {
        if (mine !== generation.current) return;
        busy.current = false;
        setInitialLoading(false);
        setSettled((count) => count + 1);
      });
  }, []);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    void listConversationsAction(cursor)
      .then((result) => {
        if (mine !== generation.current) return;
        if (result.ok) {
          setItems((previous) => {
            const seen = new Set(previous.map((item) => item.id));
            return [...previous, ...result.data.items.filter((item) => !seen.has(item.id))];
          });
          setCursor(result.data.nextCursor);
          setHasMore(result.data.nextCursor !== null);
        } else {
          setError(result.error.message);
        }
      })
      .catch(() => mine === generation.current && setError("Could not load more conversations."))
      .finally(() => {
        if (mine === generation.current) busy.current = false;
        setLoadingMore(false);
        setSettled((count) => count + 1);
      });
  }, [cursor]);

  useEffect(() => {
    reload();
    window.addEventListener(CONVERSATIONS_CHANGED_EVENT, reload);
    return () => window.removeEventListener(CONVERSATIONS_CHANGED_EVENT, reload);
  }, [reload]);

  // Chats started, renamed, retitled or deleted in another tab or device: one reload per burst.
  const liveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(liveTimer.current), []);
  const connections = useRef(0);
  useLive((signal) => {
    // A reconnect: what happened while the connection was down is read, not awaited (the first
    // connection follows the load on mount, so it needs no second read).
    if (signal.type === "open" && (connections.current += 1) === 1) return;
    if (signal.type !== "conversation" && signal.type !== "removed" && signal.type !== "reset" && signal.type !== "open") return;
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(reload, 250);
  });

  const update = useCallback((updater: (items: ConversationSummary[]) => ConversationSummary[]) => {
    setItems(updater);
  }, []);

  return { items, initialLoading, loadingMore, settled, hasMore, error, loadMore, reload, update };
}
