"use client";

import { useCallback, useRef, useState } from "react";
import { loadOlderMessagesAction } from "@/app/(app)/chat/actions";
import type { MessageDTO } from "@/lib/shared/chat/types";

export interface OlderMessages {
  hasOlder: boolean;
  loading: boolean;
  /** Why the last load failed, shown beside a Retry button. */
  error: string | null;
  loadOlder: () => Promise<void>;
}

/**
 * Pages older messages in, one server-action call per page, before the oldest one shown. One
 * load at a time: the sentinel can report "visible" many times while a page is on its way.
 */
export function useOlderMessages(
  conversationId: string,
  oldest: MessageDTO | undefined,
  initialHasOlder: boolean,
  prepend: (messages: MessageDTO[]) => void,
): OlderMessages {
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const loadOlder = useCallback(async () => {
    if (inFlight.current || !hasOlder || !oldest) return;
    inFlight.current = true;
    setLoading(true);
    setError(null);
    try {
      const result = await loadOlderMessagesAction(conversationId, oldest.timestamp);
      if (result.ok) {
        prepend(result.data.messages);
        setHasOlder(result.data.hasOlder);
      } else {
        setError(result.error.message);
      }
    } catch {
      setError("Could not load older messages. Check your connection and try again.");
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  }, [conversationId, hasOlder, oldest, prepend]);

  return { hasOlder, loading, error, loadOlder };
}
