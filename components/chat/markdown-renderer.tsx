"use client";

import ReactMarkdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";

import { CodeBlock } from "@/components/chat/code-block";
import { markdownStyles } from "@/components/chat/markdown-styles";

const components: Components = {
  pre: ({ node: _node, ...props }) => <CodeBlock {...props} />,
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table {...props} />
    </div>
  ),
};

/**
 * The markdown pipeline (react-markdown, GitHub-flavoured). Loaded on demand by Markdown, so
 * its weight is not part of the chat page's first load. Markup from the model is rendered
 * without raw HTML (react-markdown's default), so a reply cannot inject elements or scripts.
 */
export default function MarkdownRenderer({ text, rehypePlugins }: { text: string; rehypePlugins?: Options["rehypePlugins"] }) {
  return (
    <div className={markdownStyles}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
