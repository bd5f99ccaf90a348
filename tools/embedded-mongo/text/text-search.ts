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

interface Candidates {
  index: Index;
  text: TextIndex;
  query: TextQuery;
  prefix: unknown[];
  prefixKey: string;
  /** Document ids in first-seen order and their summed term scores (TEXT_OR). */
  ids: string[];
  scores: Float64Array;
  keysExamined: number;
}

/**
 * The union of the query terms' postings under the prefix, with summed scores. One term (the
 * common case) copies its posting straight into arrays; several sum through one map.
 */
function textCandidates(coll: Collection, operand: unknown, rest: Doc): Candidates {
  const index = textIndexOf(coll);
  const text = index.text!;
  const query = parseTextQuery(operand, text.spec.defaultLanguage);
  const prefix = prefixEqualities(rest, text.spec.prefix);
  const prefixKey = TextIndex.prefixKey(prefix);
  const postings = [...query.termsForBounds].map((term) => text.posting(prefixKey, term));
  const keysExamined = postings.reduce((n, posting) => n + posting.size, 0);
  const summed = postings.length === 1 ? postings[0]! : sumPostings(postings);
  const ids = [...summed.keys()];
  const scores = Float64Array.from(summed.values());
  return { index, text, query, prefix, prefixKey, ids, scores, keysExamined };
}

function sumPostings(postings: ReadonlyMap<string, number>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const posting of postings) for (const [id, score] of posting) sums.set(id, (sums.get(id) ?? 0) + score);
  return sums;
}

/** The documents a `$text` clause matches, scored; `rest` supplies the prefix equalities. */
export function searchText(coll: Collection, operand: unknown, rest: Doc): TextHits {
  const c = textCandidates(coll, operand, rest);
  const hits = new Map<Doc, number>();
  c.ids.forEach((id, i) => {
    const doc = coll.docs.get(id);
    if (doc && matches(c.text, c.prefixKey, id, doc, c.query)) hits.set(doc, c.scores[i]!);
  });
  return { index: c.index, query: c.query, prefix: c.prefix, hits, keysExamined: c.keysExamined, docsExamined: c.ids.length };
}

/**
 * `sort: {score: {$meta: "textScore"}}` with a limit, as search asks: the best `want` matches
 * that also pass `accept` (the rest of the filter), best score first (ties in first-seen order,
 * as the full sort gives). A binary max-heap over the candidates' positions is built in O(n) and
 * popped only until the page is full, so a common word's 100,000 candidates cost one heapify, not
 * a sort, and TEXT_MATCH (phrases, negations) and the filter run on the popped few only.
 */
export function topTextHits(coll: Collection, operand: unknown, rest: Doc, want: number, accept: (doc: Doc) => boolean): TextHits {
  const c = textCandidates(coll, operand, rest);
  const heap = new ScoreHeap(c.scores);
  const hits = new Map<Doc, number>();
  let docsExamined = 0;
  while (hits.size < want && heap.size > 0) {
    const at = heap.pop();
    const id = c.ids[at]!;
    const doc = coll.docs.get(id);
    docsExamined += 1;
    if (doc && matches(c.text, c.prefixKey, id, doc, c.query) && accept(doc)) hits.set(doc, c.scores[at]!);
  }
  return { index: c.index, query: c.query, prefix: c.prefix, hits, keysExamined: c.keysExamined, docsExamined };
}

/**
 * A max-heap of positions into a score array (higher score first, lower position among equals).
 * Hand-written because it is twenty lines over a typed array; a general heap library would box
 * every entry in an object, which is what this path exists to avoid.
 */
class ScoreHeap {
  private readonly items: Int32Array;
  size: number;

  constructor(private readonly scores: Float64Array) {
    this.size = scores.length;
    this.items = new Int32Array(this.size);
    for (let i = 0; i < this.size; i += 1) this.items[i] = i;
    for (let i = (this.size >> 1) - 1; i >= 0; i -= 1) this.down(i);
  }

  private above(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa > sb || (sa === sb && a < b);
  }

  private down(from: number): void {
    const { items } = this;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const best = right < this.size && this.above(items[right]!, items[left]!) ? right : left;
      if (!this.above(items[best]!, items[i]!)) return;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
  }

  pop(): number {
    const top = this.items[0]!;
    this.size -= 1;
    this.items[0] = this.items[this.size]!;
    this.down(0);
    return top;
  }
}
