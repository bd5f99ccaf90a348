/**
 * Secondary indexes. Each index keeps a Map from the encoded value of its FIRST key field to a
 * bucket of entries sorted by the remaining key fields (in the index's directions), so an
 * equality on the first field plus a sort on the next ones walks one small sorted bucket instead
 * of the collection. Unique indexes also keep a Map from the full encoded key to the owner _id.
 */
import type { Query } from "mingo/query";
import { compareValues, encodeValue } from "./bson-order";
import { parseCollation } from "./collation";
import { pathValues, type Doc } from "./doc-paths";
import { createQuery } from "./mingo-context";
import { SortedKeys } from "./sorted-keys";
import { TextIndex } from "./text/text-index";

export interface IndexSpec {
  v?: number;
  key: Record<string, unknown>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

export interface IndexEntry {
  rest: unknown[];
  id: string;
}

/** Marks an empty array's key: distinct from null, equal to other empty arrays. */
const EMPTY_ARRAY_KEY = Object.freeze({ __emptyArray: true });

const KEY_SEPARATOR = "\u0000";

export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly dirs: number[];
  /** Key types we store but do not maintain (text, 2dsphere, ...): never used to answer queries. */
  readonly passive: boolean;
  /** A text index's inverted index (text/): maintained on every write, used only by $text. */
  readonly text?: TextIndex;
  readonly isId: boolean;
  readonly buckets = new Map<string, IndexEntry[]>();
  readonly uniqueKeys = new Map<string, string>();
  multikey = false;
  /** $indexStats: how many queries used this index since it was built (or the server started). */
  readonly accesses = { ops: 0, since: new Date() };
  private readonly partial?: Query;
  /**
   * An index with a collation keeps, instead of buckets, its unique keys sorted under the
   * collation; it is enforced but never used by queries (they would compare strings binary).
   */
  private readonly collated: boolean;
  private readonly collatedKeys?: SortedKeys;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.dirs = this.fields.map((f) => (spec.key[f] === -1 ? -1 : 1));
    this.passive = this.fields.some((f) => typeof spec.key[f] === "string" && spec.key[f] !== "hashed");
    this.isId = spec.name === "_id_";
    if (spec.key._fts === "text") this.text = new TextIndex(spec);
    if (spec.partialFilterExpression) this.partial = createQuery(spec.partialFilterExpression);
    const collation = parseCollation(spec.collation);
    this.collated = collation !== undefined;
    if (collation && this.unique) {
      this.collatedKeys = new SortedKeys((x, y) => (x === EMPTY_ARRAY_KEY || y === EMPTY_ARRAY_KEY ? compareKeyValues(x, y) : collation.compare(x, y)));
    }
  }

  get unique(): boolean {
    return this.isId || this.spec.unique === true;
  }

  get usableForQueries(): boolean {
    return !this.passive && !this.isId && !this.partial && !this.collated && this.spec.sparse !== true;
  }

  /** Key tuples for a document, or null when a sparse/partial index leaves it out. */
  keysFor(doc: Doc): unknown[][] | null {
    if (this.partial && !this.partial.test(doc)) return null;
    const fields = this.fields;
    // Fast path: every key field is a present-or-missing scalar at the top level (no arrays).
    let simple: unknown[] | null = [];
    let anyFound = false;
    for (let i = 0; i < fields.length; i += 1) {
      const field = fields[i]!;
      if (field.includes(".")) {
        simple = null;
        break;
      }
      const value = doc[field];
      if (Array.isArray(value)) {
        simple = null;
        break;
      }
      if (value !== undefined) anyFound = true;
      simple.push(value === undefined ? null : value);
    }
    if (simple) return this.spec.sparse && !anyFound ? null : [simple];
    return this.expandedKeys(doc);
  }

  private expandedKeys(doc: Doc): unknown[][] | null {
    const perField: unknown[][] = [];
    let anyFound = false;
    for (const field of this.fields) {
      const { values, found } = pathValues(doc, field);
      anyFound ||= found;
      const expanded: unknown[] = [];
      for (const value of found ? values : [null]) {
        if (Array.isArray(value)) {
          this.multikey = true;
          if (value.length === 0) expanded.push(EMPTY_ARRAY_KEY);
          else expanded.push(...value);
        } else expanded.push(value === undefined ? null : value);
      }
      perField.push(expanded);
    }
    if (this.spec.sparse && !anyFound) return null;
    let tuples: unknown[][] = [[]];
    for (const values of perField) {
      const next: unknown[][] = [];
      for (const tuple of tuples) for (const value of values) next.push([...tuple, value]);
      tuples = next;
    }
    return tuples;
  }

  static encodeKey(tuple: unknown[]): string {
    return tuple.map((v) => (v === EMPTY_ARRAY_KEY ? "u" : encodeValue(v))).join(KEY_SEPARATOR);
  }

  /** The existing document id a doc would collide with under this unique index, if any. */
  findConflict(id: string, doc: Doc): unknown[] | undefined {
    if (this.text && (!this.partial || this.partial.test(doc))) this.text.check(doc);
    if (!this.unique || this.isId || this.passive) return undefined;
    if (this.collated) return this.collatedKeys?.conflict(id, this.keysFor(doc) ?? []);
    for (const tuple of this.keysFor(doc) ?? []) {
      const owner = this.uniqueKeys.get(Index.encodeKey(tuple));
      if (owner !== undefined && owner !== id) return tuple;
    }
    return undefined;
  }

  add(id: string, doc: Doc): void {
    if (this.text) return void (this.partial && !this.partial.test(doc) ? undefined : this.text.add(id, doc));
    if (this.isId || this.passive) return;
    if (this.collated) return this.collatedKeys?.add(id, this.keysFor(doc) ?? []);
    for (const tuple of this.keysFor(doc) ?? []) {
      if (this.unique) this.uniqueKeys.set(Index.encodeKey(tuple), id);
      const first = encodeFirst(tuple[0]);
      const entry: IndexEntry = { rest: tuple.slice(1), id };
      let bucket = this.buckets.get(first);
      if (!bucket) {
        bucket = [];
        this.buckets.set(first, bucket);
      }
      const at = this.position(bucket, entry);
      if (at === bucket.length) bucket.push(entry);
      else bucket.splice(at, 0, entry);
    }
  }

  remove(id: string, doc: Doc): void {
    if (this.text) return this.text.remove(id, doc);
    if (this.isId || this.passive) return;
    if (this.collated) return this.collatedKeys?.remove(id, this.keysFor(doc) ?? []);
    for (const tuple of this.keysFor(doc) ?? []) {
      if (this.unique) {
        const key = Index.encodeKey(tuple);
        if (this.uniqueKeys.get(key) === id) this.uniqueKeys.delete(key);
      }
      const first = encodeFirst(tuple[0]);
      const bucket = this.buckets.get(first);
      if (!bucket) continue;
      const entry: IndexEntry = { rest: tuple.slice(1), id };
      const at = this.position(bucket, entry);
      if (at < bucket.length && bucket[at]!.id === id && this.compareEntries(bucket[at]!, entry) === 0) {
        bucket.splice(at, 1);
        if (bucket.length === 0) this.buckets.delete(first);
      }
    }
  }

  clear(): void {
    this.text?.clear();
    this.collatedKeys?.clear();
    this.buckets.clear();
    this.uniqueKeys.clear();
    this.multikey = false;
  }

  compareEntries(a: IndexEntry, b: IndexEntry): number {
    for (let i = 0; i < a.rest.length; i += 1) {
      const c = compareKeyValues(a.rest[i], b.rest[i]) * this.dirs[i + 1]!;
      if (c !== 0) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /** Lower-bound binary search (ends first: keys often arrive in index order or in reverse). */
  private position(bucket: IndexEntry[], entry: IndexEntry): number {
    const n = bucket.length;
    if (n === 0 || this.compareEntries(bucket[n - 1]!, entry) < 0) return n;
    if (this.compareEntries(bucket[0]!, entry) >= 0) return 0;
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareEntries(bucket[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function compareKeyValues(a: unknown, b: unknown): number {
  // Fast paths for the common same-type keys (dates, numbers, strings).
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number" && a === a && b === b) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) return a === b ? 0 : a === EMPTY_ARRAY_KEY ? -1 : 1;
  return compareValues(a, b);
}

export function encodeFirst(value: unknown): string {
  return value === EMPTY_ARRAY_KEY ? "u" : encodeValue(value);
}

export function isEmptyArrayKey(value: unknown): boolean {
  return value === EMPTY_ARRAY_KEY;
}
