"use client";

import { useCallback, useMemo } from "react";
import { loadOlderMessagesAction } from "@/app/(app)/chat/actions";
import { useAdjacentPage } from "@/components/chat/use-adjacent-page";
import type { MessageDTO, MessagePage } from "@/lib/shared/chat/types";

export interface OlderMessages {
  hasOlder: boolean;
  loading: boolean;
  /** Why the last load failed, shown beside a Retry button. */
  error: string | null;
  loadOlder: () => Promise<void>;
}

/** Pages older messages in, one server-action call per page, before the oldest one shown. */
export function useOlderMessages(
  conversationId: string,
  oldest: MessageDTO | undefined,
  initialHasOlder: boolean,
  prepend: (messages: MessageDTO[]) => void,
): OlderMessages {
  const fetchPage = useMemo(() => (oldest ? () => loadOlderMessagesAction(conversationId, oldest.timestamp) : null), [conversationId, oldest]);
  const apply = useCallback((page: MessagePage) => (prepend(page.messages), { hasMore: page.hasOlder }), [prepend]);
  const page = useAdjacentPage(fetchPage, initialHasOlder, apply, "Could not load older messages. Check your connection and try again.");
  return { hasOlder: page.hasMore, loading: page.loading, error: page.error, loadOlder: page.load };
}
