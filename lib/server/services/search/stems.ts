/**
 * The app's side of the words MongoDB's `$text` matched: the same English Snowball stemmer and stop
 * words, so the service can require every query word (MongoDB ORs them) and highlight the matched
 * words in a snippet, "investing" for "invest" included.
 */
import "server-only";
import { newStemmer } from "snowball-stemmers";

/**
 * MongoDB's English stop words (its stop_words_english.txt): `$text` ignores them, so a query
 * word among them must not be required either. The embedded server keeps its own copy
 * (tools/embedded-mongo may not import the app, and the app does not import tools).
 */
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves`.split(/\s+/),
);

const english = newStemmer("english");
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

export function fold(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** A word's stem as the text index holds it (lower case, stemmed, diacritics stripped). */
export function stemOf(word: string): string {
  return fold(english.stem(word.toLowerCase()));
}

export interface WordAt {
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** The words of a text with their stems and positions. */
export function wordsIn(text: string): WordAt[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], stem: stemOf(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** The stems a query requires: its words without stop words. */
export function requiredStems(words: readonly string[]): string[] {
  return words.filter((w) => !isStopWord(w)).map(stemOf);
}

/** True when the text holds every required stem. */
export function holdsAll(text: string, stems: readonly string[]): boolean {
  if (stems.length === 0) return true;
  const held = new Set(wordsIn(text).map((w) => w.stem));
  return stems.every((stem) => held.has(stem));
}
