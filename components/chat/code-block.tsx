"use client";

import { useRef, type ComponentProps } from "react";

import { CopyButton } from "@/components/chat/copy-button";

/** A fenced code block from a reply: the language (when known) and a Copy button above the code. */
export function CodeBlock({ children, className, ...props }: ComponentProps<"pre">) {
  const pre = useRef<HTMLPreElement>(null);
  const language = findLanguage(children);
  return (
    <div className="my-3 overflow-hidden rounded-lg border bg-muted/60 print:break-inside-avoid" data-testid="code-block">
      <div className="flex items-center justify-between border-b bg-muted px-3 py-1 text-xs text-muted-foreground print:hidden">
        <span className="font-mono">{language ?? "code"}</span>
        <CopyButton getText={() => pre.current?.innerText ?? ""} label="Copy" />
      </div>
      <pre ref={pre} className={`overflow-x-auto p-3 text-[13px] leading-relaxed print:overflow-visible print:break-words print:whitespace-pre-wrap ${className ?? ""}`} {...props}>
        {children}
      </pre>
    </div>
  );
}

/** rehype-highlight marks the inner <code> with "language-xyz". */
function findLanguage(children: unknown): string | null {
  const child = Array.isArray(children) ? children[0] : children;
  if (!child || typeof child !== "object" || !("props" in child)) return null;
  const className = (child as { props: { className?: unknown } }).props.className;
  if (typeof className !== "string") return null;
  return /language-([\w-]+)/.exec(className)?.[1] ?? null;
}
