/**
 * Answering `$text` from a collection's text index: union the postings of the query's terms
 * (TEXT_OR, summing their scores), then keep the documents that hold no negated term or phrase,
 * every phrase, and — when the query is case or diacritic sensitive — a term in that form
 * (TEXT_MATCH, mongod's FTSMatcher).
 */
import type { Collection } from "../collection";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { Index } from "../indexes";
import { fieldTexts, type FieldText } from "./document-terms";
import { TextIndex } from "./text-index";
import { prefixEqualities } from "./text-filter";
import { parseTextQuery, type TextQuery } from "./text-query";
import { foldForPhrase, terms } from "./tokenize";

export interface TextHits {
  index: Index;
  query: TextQuery;
  prefix: unknown[];
  /** Matching stored documents with their text scores. */
  hits: Map<Doc, number>;
  keysExamined: number;
  docsExamined: number;
}

export function textIndexOf(coll: Collection): Index {
  for (const index of coll.indexes.values()) if (index.text) return index;
  throw new MongoError(27, "text index required for $text query");
}

function sensitiveTerms(fields: FieldText[], query: TextQuery): Set<string> {
  const out = new Set<string>();
  for (const field of fields) {
    for (const term of terms(field.text, { language: field.language, filterStopWords: true, caseSensitive: query.caseSensitive, diacriticSensitive: query.diacriticSensitive })) out.add(term);
  }
  return out;
}

function hasPhrase(fields: FieldText[], phrase: string, query: TextQuery): boolean {
  const needle = foldForPhrase(phrase, query.caseSensitive, query.diacriticSensitive);
  return fields.some((field) => foldForPhrase(field.text, query.caseSensitive, query.diacriticSensitive).includes(needle));
}

function matches(text: TextIndex, prefixKey: string, id: string, doc: Doc, query: TextQuery): boolean {
  const sensitive = query.caseSensitive || query.diacriticSensitive;
  if (!sensitive) {
    for (const term of query.negatedTerms) if (text.posting(prefixKey, term).has(id)) return false;
    if (query.phrases.length === 0 && query.negatedPhrases.length === 0) return true;
  }
  const fields = fieldTexts(doc, text.spec);
  if (sensitive) {
    const held = sensitiveTerms(fields, query);
    if (![...query.terms].some((term) => held.has(term))) return false;
    if ([...query.negatedTerms].some((term) => held.has(term))) return false;
  }
  return query.phrases.every((p) => hasPhrase(fields, p, query)) && !query.negatedPhrases.some((p) => hasPhrase(fields, p, query));
}

/** The documents a `$text` clause matches, scored; `rest` supplies the prefix equalities. */
export function searchText(coll: Collection, operand: unknown, rest: Doc): TextHits {
  const index = textIndexOf(coll);
  const text = index.text!;
  const query = parseTextQuery(operand, text.spec.defaultLanguage);
  const prefix = prefixEqualities(rest, text.spec.prefix);
  const prefixKey = TextIndex.prefixKey(prefix);
  const scores = new Map<string, number>();
  let keysExamined = 0;
  for (const term of query.termsForBounds) {
    const posting = text.posting(prefixKey, term);
    keysExamined += posting.size;
    for (const [id, score] of posting) scores.set(id, (scores.get(id) ?? 0) + score);
  }
  const hits = new Map<Doc, number>();
  for (const [id, score] of scores) {
    const doc = coll.docs.get(id);
    if (doc && matches(text, prefixKey, id, doc, query)) hits.set(doc, score);
  }
  return { index, query, prefix, hits, keysExamined, docsExamined: scores.size };
}
