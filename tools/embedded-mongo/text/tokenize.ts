/**
 * mongod's text tokenizer (textIndexVersion 3): split on Unicode delimiters (White_Space, Dash,
 * Hyphen, Pattern_Syntax, Quotation_Mark, Terminal_Punctuation — the apostrophe is not a delimiter
 * in English), lower-case, drop stop words, stem with Snowball, then strip diacritics.
 */
import { newStemmer } from "snowball-stemmers";
import type { TextLanguage } from "./languages";
import { ENGLISH_STOP_WORDS } from "./stop-words";

const DELIMITERS = "\\p{White_Space}\\p{Dash}\\p{Pattern_Syntax}\\p{Quotation_Mark}\\p{Terminal_Punctuation}\\u00AD\\u2010\\u2011\\u30FB\\uFF65";
const SPLIT_ENGLISH = new RegExp(`(?:(?!')[${DELIMITERS}])+`, "u");
const SPLIT_OTHER = new RegExp(`[${DELIMITERS}]+`, "u");
const NON_ASCII = /[^\x00-\x7f]/;
/**
 * The same split for ASCII text, which is most text: in ASCII the delimiter properties are
 * whitespace and every punctuation mark but "_" (and, in English, the apostrophe). A plain
 * character class is several times faster than the property classes above.
 */
const SPLIT_ASCII_ENGLISH = /[\s!-&(-/:-@[-^`{-~]+/;
const SPLIT_ASCII_OTHER = /[\s!-/:-@[-^`{-~]+/;
const MARKS = /\p{Mn}/gu;

export interface TokenOptions {
  language: TextLanguage;
  filterStopWords: boolean;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

export const INDEX_TOKENS = (language: TextLanguage): TokenOptions => ({ language, filterStopWords: true, caseSensitive: false, diacriticSensitive: false });

/** The words of a string, split on mongod's delimiters (no case folding, stemming or filtering). */
export function splitWords(text: string, language: TextLanguage): string[] {
  const ascii = !NON_ASCII.test(text);
  const split = language === "english" ? (ascii ? SPLIT_ASCII_ENGLISH : SPLIT_ENGLISH) : ascii ? SPLIT_ASCII_OTHER : SPLIT_OTHER;
  return text.split(split).filter((word) => word !== "");
}

export function stripDiacritics(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFD").replace(MARKS, "").normalize("NFC") : text;
}

const english = newStemmer("english");
/** Stems are memoised: the same few thousand words make up most text, and stemming dominates indexing. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 100_000;

function stem(word: string, language: TextLanguage): string {
  if (language === "none") return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = english.stem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** One word as the index (or a query) sees it, or undefined for a stop word. */
export function termOf(word: string, options: TokenOptions): string | undefined {
  const lower = word.toLowerCase();
  if (!options.caseSensitive && !options.diacriticSensitive && options.filterStopWords && options.language === "english") return indexTerm(lower);
  if (options.filterStopWords && options.language === "english" && ENGLISH_STOP_WORDS.has(lower)) return undefined;
  const stemmed = stem(options.caseSensitive ? word : lower, options.language);
  return options.diacriticSensitive ? stemmed : stripDiacritics(stemmed);
}

/** The index's view of a lower-cased English word (the hot path of indexing), memoised whole. */
const indexTermCache = new Map<string, string | null>();
function indexTerm(lower: string): string | undefined {
  let term = indexTermCache.get(lower);
  if (term === undefined) {
    term = ENGLISH_STOP_WORDS.has(lower) ? null : stripDiacritics(stem(lower, "english"));
    if (indexTermCache.size >= STEM_CACHE_MAX) indexTermCache.clear();
    indexTermCache.set(lower, term);
  }
  return term ?? undefined;
}

/** The terms of a string, in order, repeats kept. */
export function terms(text: string, options: TokenOptions): string[] {
  const out: string[] = [];
  for (const word of splitWords(text, options.language)) {
    const term = termOf(word, options);
    if (term !== undefined) out.push(term);
  }
  return out;
}

/** Case and diacritic folding for phrase matching (a phrase is matched as a substring). */
export function foldForPhrase(text: string, caseSensitive: boolean, diacriticSensitive: boolean): string {
  const cased = caseSensitive ? text : text.toLowerCase();
  return diacriticSensitive ? cased : stripDiacritics(cased);
}
