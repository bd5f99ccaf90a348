/**
 * Conversation titles made from text (the first words of a message, or a model's answer): the
 * opening line(s) up to a list or a blank line, list markers and markdown stripped, at most a few
 * words and characters cut at a word boundary, with no trailing punctuation. Client-safe.
 */
import { clipAtWord } from "@/lib/shared/text";

/** A line that starts a list item: "- ", "* ", "+ ", "• ", "1. ", "2) ", optionally a "[ ]" box. */
const LIST_ITEM = /^\s*(?:[-*+–—]\s+|[•◦‣▪·]\s*|\d{1,3}[.)]\s+)(?:\[[ xX]\]\s+)?/u;
/** Block markup at a line's start: headings and quotes. */
const BLOCK_MARKUP = /^\s*(?:#{1,6}\s+|>\s*)+/;
/** Inline emphasis and code marks. */
const INLINE_MARKUP = /\*\*|__|`+/g;
/** Punctuation a title never ends with (closing brackets and quotes are handled apart: they may close something). */
const TRAILING = /[\s.,;:!?…‥\-–—/\\|·•*~&=_([{“‘«]+$/u;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{", "”": "“", "’": "‘", "»": "«", '"': '"', "'": "'" };

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** True when the closing character at the end has nothing to close. */
function unmatchedCloser(title: string): boolean {
  const closer = title.at(-1) ?? "";
  const opener = CLOSERS[closer];
  if (!opener) return false;
  if (opener === closer) return count(title, closer) % 2 === 1;
  return count(title, opener) < count(title, closer);
}

/** Drops trailing punctuation, dangling openers and closers that close nothing. */
export function trimTitleEnd(title: string): string {
  let result = title;
  for (;;) {
    const before = result;
    result = result.replace(TRAILING, "");
    if (unmatchedCloser(result)) result = result.slice(0, -1);
    if (result === before) return result;
  }
}

function cleanLine(line: string): string {
  return line.replace(BLOCK_MARKUP, "").replace(LIST_ITEM, "").replace(INLINE_MARKUP, "").replace(/\s+/g, " ").trim();
}

export interface TitleOptions {
  maxChars: number;
  /** At most this many words (default: no limit). */
  maxWords?: number;
}

/** The title for `text`, or "" when nothing is left (callers pick their own fallback). */
export function titleFromText(text: string, { maxChars, maxWords = Number.POSITIVE_INFINITY }: TitleOptions): string {
  const parts: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const isItem = LIST_ITEM.test(raw.replace(BLOCK_MARKUP, ""));
    const line = cleanLine(raw);
    if (!line) {
      if (parts.length > 0) break; // a blank line ends the opening paragraph
      continue;
    }
    if (isItem && parts.length > 0) break; // a list after the opening text is not part of its title
    parts.push(line);
    if (isItem) break; // a title taken from a list item is that item alone
  }
  const words = parts.join(" ").split(" ").filter(Boolean).slice(0, maxWords);
  // Trim first, so punctuation left at the word limit does not cost a word of the character budget.
  return trimTitleEnd(clipAtWord(trimTitleEnd(words.join(" ")), maxChars));
}
