"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult } from "@/lib/shared/action-result";
import type { MessagePage } from "@/lib/shared/chat/types";

export interface AdjacentPage {
  hasMore: boolean;
  loading: boolean;
  /** Why the last load failed, shown beside a Retry button. */
  error: string | null;
  load: () => Promise<void>;
}

/**
 * One direction of the message pager in the browser: one server-action call per page, one load
 * at a time (a sentinel can report "visible" many times while a page is on its way).
 */
export function useAdjacentPage(
  fetchPage: (() => Promise<ActionResult<MessagePage>>) | null,
  initialHasMore: boolean,
  apply: (page: MessagePage) => { hasMore: boolean },
  failure: string,
): AdjacentPage {
  const [hasMore, setHasMore] = useState(initialHasMore);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current || !hasMore || !fetchPage) return;
    inFlight.current = true;
    setLoading(true);
    setError(null);
    try {
      const result = await fetchPage();
      if (result.ok) setHasMore(apply(result.data).hasMore);
      else setError(result.error.message);
    } catch {
      setError(failure);
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  }, [fetchPage, hasMore, apply, failure]);

  return { hasMore, loading, error, load };
}
