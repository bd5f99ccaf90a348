"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** Within this many pixels of the end counts as "at the bottom". */
const THRESHOLD_PX = 80;

/**
 * Keeps a scroll container pinned to its end while content grows (a streaming reply, markdown
 * that finished loading), unless the user has scrolled up to read; scrolling back down
 * re-attaches it. `keepPositionOnPrepend()` is called right before older content is put in
 * front, so the message the reader was looking at stays where it was.
 */
export function useStickToBottom<T extends HTMLElement>(contentKey: unknown) {
  const ref = useRef<T>(null);
  const stuck = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  // Distance from the content's end to the viewport's top, recorded before a prepend.
  const pendingPrepend = useRef<number | null>(null);

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

  /** Stops following the end until the reader scrolls there (newer pages put below a search match must not pull the view down). */
  const release = useCallback(() => {
    stuck.current = false;
  }, []);

  const keepPositionOnPrepend = useCallback(() => {
    const node = ref.current;
    if (node) pendingPrepend.current = node.scrollHeight - node.scrollTop;
  }, []);

  // After every commit: if older content went in front, restore the same distance from the end
  // (an assignment, so a browser's own scroll anchoring and this agree instead of adding up).
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || pendingPrepend.current === null) return;
    node.scrollTop = node.scrollHeight - pendingPrepend.current;
    pendingPrepend.current = null;
  });

  useEffect(() => {
    const node = ref.current;
    if (node && stuck.current) node.scrollTop = node.scrollHeight;
  }, [contentKey]);

  // Content can grow without a new message (lazy markdown rendering, code highlighting). The
  // container's first child is the content wrapper, present for the component's whole life.
  useEffect(() => {
    const node = ref.current;
    const content = node?.firstElementChild;
    if (!node || !content) return;
    const observer = new ResizeObserver(() => {
      if (stuck.current && pendingPrepend.current === null) node.scrollTop = node.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return { ref, onScroll, atBottom, scrollToBottom, keepPositionOnPrepend, release };
}
