"use client";

import { lazy, memo, Suspense, useSyncExternalStore } from "react";

import { markdownStyles } from "@/components/chat/markdown-styles";

// Both load on first use, in the browser only: the page's first load carries neither the
// markdown pipeline nor highlight.js, and the server renders no markdown, so the page's cost
// does not depend on what the replies contain.
const MarkdownRenderer = lazy(() => import("@/components/chat/markdown-renderer"));
const HighlightedMarkdown = lazy(() => import("@/components/chat/highlighted-markdown"));

/** A fenced code block (``` or ~~~) is the only thing that needs highlighting. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/m;

const noSubscription = () => () => {};

/** True after hydration; false on the server and during hydration, so both render the same. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A reply's markdown: GitHub-flavoured (tables, task lists), code highlighted, copy buttons on
 * code. Memoised on the text, so finished replies are not re-rendered while another streams.
 * Until the pipeline has loaded, the reply shows as plain text in the same place.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const hydrated = useHydrated();
  const plain = <div className={`${markdownStyles} whitespace-pre-wrap`}>{text}</div>;
  if (!hydrated) return plain;
  const Renderer = FENCE.test(text) ? HighlightedMarkdown : MarkdownRenderer;
  return (
    <Suspense fallback={plain}>
      <Renderer text={text} />
    </Suspense>
  );
});
