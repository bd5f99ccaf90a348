/**
 * The search box's little language, as a person guesses it: words (all must match), "exact
 * phrases", -excluded words and -"excluded phrases". Anything else is a plain character: regex
 * metacharacters mean nothing, an unbalanced quote is read as a plain word boundary, and the
 * number of parts is bounded so no query can become a slow one.
 */

export const SEARCH_QUERY_MAX_CHARS = 200;
/** Words and phrases beyond this many are ignored (the first ones already narrow the results). */
export const SEARCH_MAX_PARTS = 8;

export interface ParsedQuery {
  words: string[];
  phrases: string[];
  excludedWords: string[];
  excludedPhrases: string[];
}

/** Letters, digits and in-word apostrophes; everything else separates words. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

/** Parses a query; an empty result (no words or phrases) means "nothing to search for". */
export function parseSearchQuery(raw: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [] };
  const text = raw.slice(0, SEARCH_QUERY_MAX_CHARS);
  // A quote with no partner is dropped: `"foo bar` searches the words foo and bar.
  const balanced = (text.match(/"/g)?.length ?? 0) % 2 === 0 ? text : text.replace(/"(?=[^"]*$)/, " ");
  const pattern = /(-?)"([^"]*)"|(\S+)/g;
  for (const match of balanced.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const words = wordsOf(phrase);
      if (words.length === 0) continue;
      const normal = words.join(" ").toLowerCase();
      if (words.length === 1) pushUnique(minus ? parsed.excludedWords : parsed.words, normal);
      else pushUnique(minus ? parsed.excludedPhrases : parsed.phrases, normal);
      continue;
    }
    const negated = bare!.startsWith("-") && bare!.length > 1;
    for (const word of wordsOf(negated ? bare!.slice(1) : bare!)) pushUnique(negated ? parsed.excludedWords : parsed.words, word.toLowerCase());
  }
  parsed.words = parsed.words.slice(0, SEARCH_MAX_PARTS);
  parsed.phrases = parsed.phrases.slice(0, Math.max(0, SEARCH_MAX_PARTS - parsed.words.length));
  parsed.excludedWords = parsed.excludedWords.slice(0, SEARCH_MAX_PARTS);
  parsed.excludedPhrases = parsed.excludedPhrases.slice(0, SEARCH_MAX_PARTS);
  return parsed;
}

export function hasSearchTerms(parsed: ParsedQuery): boolean {
  return parsed.words.length > 0 || parsed.phrases.length > 0;
}

/**
 * The `$search` string for MongoDB's `$text`: words bare (MongoDB ORs them, stemmed; the search
 * service then keeps the documents that hold every one), phrases quoted, exclusions negated.
 * Parts hold only letters, digits, apostrophes and spaces, so nothing in them is an operator.
 */
export function toTextSearch(parsed: ParsedQuery): string {
  return [
    ...parsed.words,
    ...parsed.phrases.map((p) => `"${p}"`),
    ...parsed.excludedWords.map((w) => `-${w}`),
    ...parsed.excludedPhrases.map((p) => `-"${p}"`),
  ].join(" ");
}
