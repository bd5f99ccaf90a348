import type { Snippet } from "@/lib/shared/search/schemas";

/** A snippet's pieces as text, its matched words in <mark> (never HTML from the message). */
export function HighlightedSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.map((piece, i) =>
        piece.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-foreground dark:bg-yellow-500/40">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
