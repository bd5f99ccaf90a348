"use client";

import rehypeHighlight from "rehype-highlight";

import MarkdownRenderer from "@/components/chat/markdown-renderer";
import "@/components/chat/code-theme.css";

const plugins: [[typeof rehypeHighlight, { detect: boolean }]] = [[rehypeHighlight, { detect: false }]];

/** Markdown with highlighted code: highlight.js is the heaviest part, so only replies with code load it. */
export default function HighlightedMarkdown({ text }: { text: string }) {
  return <MarkdownRenderer text={text} rehypePlugins={plugins} />;
}
