"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Within this many pixels of the end counts as "at the bottom". */
const THRESHOLD_PX = 80;

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming reply), unless
 * the user has scrolled up to read; scrolling back down re-attaches it.
 */
export function useStickToBottom<T extends HTMLElement>(contentKey: unknown) {
  const ref = useRef<T>(null);
  const stuck = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const onScroll = useCallback(() => {
    const node = ref.current;
    if (!node) return;
    const bottom = node.scrollHeight - node.scrollTop - node.clientHeight <= THRESHOLD_PX;
    stuck.current = bottom;
    setAtBottom(bottom);
  }, []);

  const scrollToBottom = useCallback((behavior: ScrollBehavior = "smooth") => {
    const node = ref.current;
    if (!node) return;
    stuck.current = true;
    setAtBottom(true);
    node.scrollTo({ top: node.scrollHeight, behavior });
  }, []);

  useEffect(() => {
    const node = ref.current;
    if (node && stuck.current) node.scrollTop = node.scrollHeight;
  }, [contentKey]);

  return { ref, onScroll, atBottom, scrollToBottom };
}
