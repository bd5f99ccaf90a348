/**
 * A snippet of a matched text: a window around its first matched word, cut at word boundaries,
 * in pieces whose `match` marks every matched word (by stem, so "investing" lights up for
 * "invest"). Pieces, not HTML: the page renders them as text, so nothing in a message can inject markup.
 */
import "server-only";
import type { Snippet } from "@/lib/shared/search/schemas";
import { wordsIn } from "@/lib/server/services/search/stems";

const BEFORE = 60;
const LENGTH = 220;

function window(text: string, firstMatch: number): [number, number] {
  if (text.length <= LENGTH) return [0, text.length];
  let start = Math.max(0, firstMatch - BEFORE);
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    start = space > firstMatch - BEFORE * 2 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > firstMatch) end = space;
  }
  return [start, end];
}

export function buildSnippet(text: string, stems: ReadonlySet<string>): Snippet {
  const flat = text.replace(/\s+/g, " ").trim();
  const words = wordsIn(flat).filter((w) => stems.has(w.stem));
  const [start, end] = window(flat, words[0]?.start ?? 0);
  const pieces: Snippet = [];
  let at = start;
  const push = (piece: string, match: boolean) => piece && pieces.push({ text: piece, match });
  if (start > 0) push("…", false);
  for (const word of words) {
    if (word.start < start || word.end > end) continue;
    push(flat.slice(at, word.start), false);
    push(flat.slice(word.start, word.end), true);
    at = word.end;
  }
  push(flat.slice(at, end), false);
  if (end < flat.length) push("…", false);
  return pieces;
}
