"use client";

import { useCallback, useMemo } from "react";
import { loadNewerMessagesAction } from "@/app/(app)/chat/actions";
import { useAdjacentPage } from "@/components/chat/use-adjacent-page";
import type { MessageDTO, MessagePage } from "@/lib/shared/chat/types";

export interface NewerMessages {
  hasNewer: boolean;
  loading: boolean;
  error: string | null;
  loadNewer: () => Promise<void>;
}

/** Pages newer messages in after the newest one shown, when the page opened in the middle (at a search match). */
export function useNewerMessages(conversationId: string, newest: MessageDTO | undefined, initialHasNewer: boolean, append: (messages: MessageDTO[]) => void): NewerMessages {
  const fetchPage = useMemo(() => (newest ? () => loadNewerMessagesAction(conversationId, newest.timestamp) : null), [conversationId, newest]);
  const apply = useCallback((page: MessagePage) => (append(page.messages), { hasMore: page.hasNewer === true }), [append]);
  const page = useAdjacentPage(fetchPage, initialHasNewer, apply, "Could not load newer messages. Check your connection and try again.");
  return { hasNewer: page.hasMore, loading: page.loading, error: page.error, loadNewer: page.load };
}
