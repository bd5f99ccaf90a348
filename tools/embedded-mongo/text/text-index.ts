/**
 * The inverted index behind one text index: for each (prefix values, term) the documents that
 * hold the term and its score there. Kept current on every insert, update and delete (the owner
 * Index calls add/remove), so $text reads postings and never scans the collection.
 */
import { encodeValue } from "../bson-order";
import { pathValues, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { documentTermScores, fieldTexts } from "./document-terms";
import { readTextSpec, type TextSpec } from "./text-spec";

const SEPARATOR = "\u0001";

export class TextIndex {
  readonly spec: TextSpec;
  /** "prefix key \u0001 term" → document id → score. */
  private readonly postings = new Map<string, Map<string, number>>();
  private entries = 0;

  constructor(storedSpec: Doc) {
    this.spec = readTextSpec(storedSpec);
  }

  /** Index keys held, for explain and the bench (one per document and term). */
  get size(): number {
    return this.entries;
  }

  /** The encoded prefix of a document; throws when a prefix (or suffix) field holds an array. */
  private prefixOf(doc: Doc): string {
    const parts: string[] = [];
    for (const field of [...this.spec.prefix, ...this.spec.suffix]) {
      const { values, found } = pathValues(doc, field);
      if (values.length > 1 || Array.isArray(values[0])) throw new MongoError(16675, "cannot have a multi-key as a prefix to a text index");
      if (this.spec.prefix.includes(field)) parts.push(encodeValue(found ? values[0] : null));
    }
    return parts.join(SEPARATOR);
  }

  /** The encoded prefix for a query's equality values, in prefix-field order. */
  static prefixKey(values: unknown[]): string {
    return values.map((v) => encodeValue(v)).join(SEPARATOR);
  }

  /** Throws mongod's error for a document this index cannot hold (bad language, array prefix). */
  check(doc: Doc): void {
    this.prefixOf(doc);
    fieldTexts(doc, this.spec);
  }

  add(id: string, doc: Doc): void {
    const prefix = this.prefixOf(doc);
    for (const [term, score] of documentTermScores(fieldTexts(doc, this.spec))) {
      const key = prefix + SEPARATOR + term;
      let posting = this.postings.get(key);
      if (!posting) this.postings.set(key, (posting = new Map()));
      if (!posting.has(id)) this.entries += 1;
      posting.set(id, score);
    }
  }

  remove(id: string, doc: Doc): void {
    let prefix: string;
    let scores: Map<string, number>;
    try {
      prefix = this.prefixOf(doc);
      scores = documentTermScores(fieldTexts(doc, this.spec));
    } catch {
      return; // a document the index refused was never added
    }
    for (const term of scores.keys()) {
      const key = prefix + SEPARATOR + term;
      const posting = this.postings.get(key);
      if (posting?.delete(id)) this.entries -= 1;
      if (posting?.size === 0) this.postings.delete(key);
    }
  }

  clear(): void {
    this.postings.clear();
    this.entries = 0;
  }

  /** The postings of one term under a prefix (empty when none). */
  posting(prefix: string, term: string): ReadonlyMap<string, number> {
    return this.postings.get(prefix + SEPARATOR + term) ?? EMPTY;
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();
