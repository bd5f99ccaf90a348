/**
 * Parsing a `$text` operand as mongod does (FTSQueryImpl::parse): words are OR-ed terms, a
 * `"quoted phrase"` must appear (and its words are terms too), a `-` after whitespace negates the
 * next word or phrase; terms are tokenized, stop-word filtered and stemmed like the index's.
 */
import { isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { canonicalLanguage, runnableLanguage, type TextLanguage } from "./languages";
import { termOf, splitWords, type TokenOptions } from "./tokenize";

export interface TextQuery {
  search: string;
  language: TextLanguage;
  /** The language as written (explain's parsedQuery shows it), or the index's default. */
  languageName: string;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
  /** Terms in the query's case/diacritic sensitivity. */
  terms: Set<string>;
  negatedTerms: Set<string>;
  phrases: string[];
  negatedPhrases: string[];
  /** Terms as the index holds them (folded), for the posting lookups. */
  termsForBounds: Set<string>;
}

const KNOWN_FIELDS = new Set(["$search", "$language", "$caseSensitive", "$diacriticSensitive"]);
const BSON_TYPE = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "int" : "double") : typeof v === "boolean" ? "bool" : typeof v === "object" ? "object" : typeof v);

function checkType(operand: Doc, field: string, type: "string" | "bool"): void {
  const value = operand[field];
  if (value === undefined) return;
  const ok = type === "string" ? typeof value === "string" : typeof value === "boolean";
  if (!ok) throw new MongoError(14, `BSON field '$text.${field}' is the wrong type '${BSON_TYPE(value)}', expected type '${type}'`);
}

function validate(operand: unknown): Doc {
  if (!isPlainObject(operand)) throw new MongoError(2, "$text expects an object");
  for (const field of Object.keys(operand)) if (!KNOWN_FIELDS.has(field)) throw new MongoError(40415, `BSON field '$text.${field}' is an unknown field.`);
  if (operand.$search === undefined) throw new MongoError(40414, "BSON field '$text.$search' is missing but a required field");
  checkType(operand, "$search", "string");
  checkType(operand, "$language", "string");
  checkType(operand, "$caseSensitive", "bool");
  checkType(operand, "$diacriticSensitive", "bool");
  return operand;
}

type Piece = { kind: "space" } | { kind: "delimiter"; char: string; afterSpace: boolean; offset: number } | { kind: "text"; text: string };

/** mongod's FTSQueryParser: whitespace runs, single ASCII punctuation marks, and text runs. */
function pieces(search: string): Piece[] {
  const out: Piece[] = [];
  let afterSpace = true;
  let i = 0;
  while (i < search.length) {
    const c = search[i]!;
    if (/\s/.test(c)) {
      while (i < search.length && /\s/.test(search[i]!)) i += 1;
      out.push({ kind: "space" });
      afterSpace = true;
    } else if (/[!-/:-@[-`{-~]/.test(c) && c !== "'") {
      out.push({ kind: "delimiter", char: c, afterSpace, offset: i });
      afterSpace = false;
      i += 1;
    } else {
      const start = i;
      while (i < search.length && !/\s/.test(search[i]!) && !(/[!-/:-@[-`{-~]/.test(search[i]!) && search[i] !== "'")) i += 1;
      out.push({ kind: "text", text: search.slice(start, i) });
      afterSpace = false;
    }
  }
  return out;
}

/** Parses and tokenizes a `$text` operand against an index's default language. */
export function parseTextQuery(operand: unknown, defaultLanguage: string): TextQuery {
  const checked = validate(operand);
  const search = checked.$search as string;
  const languageName = (checked.$language as string | undefined) ?? defaultLanguage;
  const canonical = canonicalLanguage(languageName);
  if (!canonical) throw new MongoError(2, `unsupported language: "${languageName}" for text index version 3`);
  const language = runnableLanguage(canonical);
  const caseSensitive = checked.$caseSensitive === true;
  const diacriticSensitive = checked.$diacriticSensitive === true;
  const query: TextQuery = { search, language, languageName, caseSensitive, diacriticSensitive, terms: new Set(), negatedTerms: new Set(), phrases: [], negatedPhrases: [], termsForBounds: new Set() };
  const sensitive: TokenOptions = { language, filterStopWords: true, caseSensitive, diacriticSensitive };
  const folded: TokenOptions = { language, filterStopWords: true, caseSensitive: false, diacriticSensitive: false };
  let negated = false;
  let inPhrase = false;
  let quoteAt = 0;
  for (const piece of pieces(search)) {
    if (piece.kind === "text") {
      if (!(inPhrase && negated)) {
        for (const word of splitWords(piece.text, language)) {
          const term = termOf(word, sensitive);
          if (term === undefined) continue;
          (negated ? query.negatedTerms : query.terms).add(term);
          if (!negated) query.termsForBounds.add(termOf(word, folded)!);
        }
      }
      if (negated && !inPhrase) negated = false;
    } else if (piece.kind === "space") {
      if (!inPhrase) negated = false;
    } else if (piece.char === "-") {
      if (!inPhrase && piece.afterSpace) negated = true;
    } else if (piece.char === '"') {
      if (inPhrase) {
        const phrase = search.slice(quoteAt + 1, piece.offset);
        (negated ? query.negatedPhrases : query.phrases).push(phrase);
        negated = false;
      } else quoteAt = piece.offset;
      inPhrase = !inPhrase;
    }
  }
  return query;
}

/** The `parsedTextQuery` explain shows. */
export function describeTextQuery(query: TextQuery): Doc {
  return { terms: [...query.terms].sort(), negatedTerms: [...query.negatedTerms].sort(), phrases: query.phrases, negatedPhrases: query.negatedPhrases };
}
