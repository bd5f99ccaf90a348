/**
 * Finding documents: picks the _id map or a secondary index when the filter has an equality on
 * its leading field (walking the index bucket in order when it also satisfies the sort), else
 * unions the index lookups of a top-level $or whose every branch has one, else scans; then
 * filters with mingo, sorts in BSON order, skips and limits. Returns the stored
 * (immutable) documents themselves — callers must not mutate them.
 */
import { encodeValue } from "./bson-order";
import type { Collection } from "./collection";
import { isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { encodeFirst, type Index, type IndexEntry } from "./indexes";
import { createQuery, type ExecOptions } from "./mingo-context";
import { sortDocuments, sortFields, TEXT_SCORE, type SortField } from "./sort";
import { extractText } from "./text/text-filter";
import { searchText, topTextHits, type TextHits } from "./text/text-search";

export interface FindSpec {
  filter?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  /** The command's collation and `let` variables. */
  exec?: ExecOptions;
  /** An index name or key pattern; only checked (the planner here chooses for itself). */
  hint?: unknown;
  /** Filled with each returned document's text score when the filter has `$text`. */
  scores?: Map<Doc, number>;
}

/** mongod refuses a hint that names no index of the collection (a hidden one counts as none). */
function checkHint(coll: Collection, hint: unknown): void {
  if (hint === undefined || hint === null) return;
  if (isPlainObject(hint) && (Object.keys(hint).length === 0 || "$natural" in hint)) return;
  const index = [...coll.indexes.values()].find((ix) => (typeof hint === "string" ? ix.spec.name === hint : encodeValue(ix.spec.key) === encodeValue(hint)));
  if (!index || index.spec.hidden === true) {
    throw new MongoError(2, "error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index");
  }
}

/**
 * What a find did, filled in when the caller asks (explain, $indexStats): the index it walked
 * (none = collection scan) and how much it examined. Costs nothing when not asked for.
 */
export interface PlanTrace {
  /** False for explain's queryPlanner mode, which must not count as an index access. */
  countAccess: boolean;
  index?: Index;
  /** The values bound to the index's first field (equality or $in). */
  bounds?: unknown[];
  /** The whole filter was answered by the index (no per-document test). */
  exact?: boolean;
  /** The index walk already yields the requested sort order (no in-memory sort). */
  sorted?: boolean;
  /** -1 when the index is walked backwards. */
  direction?: number;
  /** A top-level $or answered by one index lookup per branch (then `index` is unset). */
  branches?: OrBranch[];
  keysExamined: number;
  docsExamined: number;
  /** Documents that passed the filter (before sort, skip and limit). */
  matched: number;
  /** A $text query answered by the text index (TEXT_MATCH > TEXT_OR > IXSCAN). */
  text?: TextHits;
}

export interface OrBranch {
  index: Index;
  bounds: unknown[];
}

interface Plan {
  candidates: Iterable<Doc>;
  branches?: OrBranch[];
  index?: Index;
  bounds?: unknown[];
  direction?: number;
  /** True when candidates already come in the requested sort order. */
  sorted: boolean;
  /** True when every candidate is known to match (the filter is only index-bound equalities). */
  exact?: boolean;
}

type Equalities = Map<string, unknown[]>;

function isOperatorObject(value: unknown): value is Doc {
  return isPlainObject(value) && Object.keys(value).some((k) => k.startsWith("$"));
}

function indexable(value: unknown): boolean {
  return !(value instanceof RegExp) && !Array.isArray(value) && value !== undefined && !isOperatorObject(value);
}

function collectEqualities(filter: Doc, out: Equalities): void {
  for (const [field, value] of Object.entries(filter)) {
    if (field === "$and" && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectEqualities(part, out);
      continue;
    }
    if (field.startsWith("$")) continue;
    if (isOperatorObject(value)) {
      if ("$eq" in value && indexable(value.$eq)) out.set(field, [value.$eq]);
      else if (Array.isArray(value.$in) && value.$in.every(indexable) && !out.has(field)) out.set(field, value.$in);
    } else if (indexable(value)) {
      out.set(field, [value]);
    }
  }
}

/** A plain (non-operator, non-array, non-regex, non-embedded-document) equality value. */
function isScalarEquality(value: unknown): boolean {
  return indexable(value) && !isPlainObject(value) && value !== null;
}

/**
 * True for a filter that is only `{field: {$in: [scalars]}}`: an index (or _id) walk over those
 * bounds then yields exactly the matching documents, with no per-document test (which would also
 * compile the whole list into a mingo query for nothing).
 */
function isOnlyIn(filter: Doc, field: string): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== field) return false;
  const condition = filter[field];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return false;
  return Array.isArray(condition.$in) && condition.$in.every(isScalarEquality);
}

/** How well an index serves the filter and sort: null when it cannot be used. */
function rateIndex(index: Index, eq: Equalities, sort: SortField[]): { score: number; direction: number } | null {
  if (!index.usableForQueries) return null;
  const firstValues = eq.get(index.fields[0]!);
  if (!firstValues) return null;
  let bound = 0;
  while (bound < index.fields.length && eq.get(index.fields[bound]!)?.length === 1) bound += 1;
  const remaining = sort.filter(([field]) => eq.get(field)?.length !== 1);
  let direction = 0;
  if (firstValues.length === 1 && !index.multikey && remaining.length <= index.fields.length - bound) {
    direction = 1;
    remaining.forEach(([field, dir], i) => {
      const at = bound + i;
      if (index.fields[at] !== field) return (direction = 0);
      const sign = dir * index.dirs[at]!;
      if (i === 0) direction = sign;
      else if (sign !== direction) direction = 0;
    });
    if (remaining.length === 0) direction = 1;
  }
  return { score: (direction !== 0 ? 100 : 0) + bound * 2 - (firstValues.length > 1 ? 1 : 0), direction };
}

function* walkBucket(coll: Collection, bucket: readonly IndexEntry[], reverse: boolean, dedupe: boolean, restEquals?: string[], trace?: PlanTrace): Iterable<Doc> {
  const seen = dedupe ? new Set<string>() : undefined;
  const n = bucket.length;
  for (let i = 0; i < n; i += 1) {
    const entry = bucket[reverse ? n - 1 - i : i]!;
    if (trace) trace.keysExamined += 1;
    if (restEquals && !restEquals.every((encoded, k) => encodeFirst(entry.rest[k]) === encoded)) continue;
    if (seen) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
    }
    const doc = coll.docs.get(entry.id);
    if (doc) yield doc;
  }
}

function plan(coll: Collection, filter: Doc, sort: SortField[], trace?: PlanTrace): Plan {
  const eq: Equalities = new Map();
  collectEqualities(filter, eq);
  const ids = eq.get("_id");
  if (ids) {
    const docs: Doc[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const key = encodeValue(id);
      const doc = seen.has(key) ? undefined : coll.docs.get(key);
      seen.add(key);
      if (doc) docs.push(doc);
    }
    const exact = (ids.length === 1 && Object.keys(filter).length === 1 && !isOperatorObject(filter._id) && !isPlainObject(filter._id)) || isOnlyIn(filter, "_id");
    if (trace) trace.keysExamined += ids.length;
    return { candidates: docs, sorted: docs.length <= 1, exact, index: coll.indexes.get("_id_"), bounds: ids, direction: 1 };
  }
  let best: { index: Index; score: number; direction: number } | undefined;
  for (const index of coll.indexes.values()) {
    const rating = rateIndex(index, eq, sort);
    if (rating && (!best || rating.score > best.score)) best = { index, ...rating };
  }
  if (!best) return planOr(coll, filter, trace) ?? { candidates: coll.docs.values(), sorted: sort.length === 0 };
  const values = eq.get(best.index.fields[0]!)!;
  if (values.length === 1) {
    const index = best.index;
    const bucket = index.buckets.get(encodeFirst(values[0])) ?? [];
    // A filter made only of plain equalities on leading index fields needs no per-document test.
    const keys = Object.keys(filter);
    const bound = index.fields.slice(0, keys.length);
    const exact = !index.multikey && keys.length <= index.fields.length && keys.every((k) => bound.includes(k) && isScalarEquality(filter[k]));
    const restEquals = exact ? bound.slice(1).map((field) => encodeFirst(filter[field])) : undefined;
    const candidates = walkBucket(coll, bucket, best.direction < 0, index.multikey, restEquals, trace);
    return { candidates, sorted: best.direction !== 0, exact, index, bounds: values, direction: best.direction < 0 ? -1 : 1 };
  }
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for (const value of values) {
    for (const entry of best.index.buckets.get(encodeFirst(value)) ?? []) {
      if (trace) trace.keysExamined += 1;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      const doc = coll.docs.get(entry.id);
      if (doc) docs.push(doc);
    }
  }
  const exact = !best.index.multikey && isOnlyIn(filter, best.index.fields[0]!);
  return { candidates: docs, sorted: sort.length === 0, exact, index: best.index, bounds: values, direction: 1 };
}

/** The index (or _id) lookup one $or branch would use on its own, or null if it would scan. */
function branchFor(coll: Collection, clause: unknown): OrBranch | null {
  if (!isPlainObject(clause)) return null;
  const eq: Equalities = new Map();
  collectEqualities(clause, eq);
  const ids = eq.get("_id");
  if (ids) return { index: coll.indexes.get("_id_")!, bounds: ids };
  let best: { index: Index; score: number } | undefined;
  for (const index of coll.indexes.values()) {
    const rating = rateIndex(index, eq, []);
    if (rating && (!best || rating.score > best.score)) best = { index, score: rating.score };
  }
  return best ? { index: best.index, bounds: eq.get(best.index.fields[0]!)! } : null;
}

/** mongod's OR plan: when every branch of a top-level $or is indexed, union their lookups. */
function planOr(coll: Collection, filter: Doc, trace?: PlanTrace): Plan | null {
  const clauses = filter.$or;
  if (!Array.isArray(clauses) || clauses.length === 0) return null;
  const branches = clauses.map((clause) => branchFor(coll, clause));
  if (branches.some((branch) => branch === null)) return null;
  const ids = new Set<string>();
  for (const { index, bounds } of branches as OrBranch[]) {
    for (const value of bounds) {
      if (index.isId) {
        if (trace) trace.keysExamined += 1;
        const key = encodeValue(value);
        if (coll.docs.has(key)) ids.add(key);
        continue;
      }
      for (const entry of index.buckets.get(encodeFirst(value)) ?? []) {
        if (trace) trace.keysExamined += 1;
        ids.add(entry.id);
      }
    }
  }
  const docs = [...ids].map((id) => coll.docs.get(id)).filter((doc): doc is Doc => doc !== undefined);
  return { candidates: docs, sorted: false, branches: branches as OrBranch[] };
}

export function matcher(filter: Doc | undefined, exec?: ExecOptions): (doc: Doc) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = createQuery(filter, exec);
  return (doc) => query.test(doc);
}

/** Every index walk counts as one access for $indexStats, as on mongod. */
function recordPlan(chosen: Plan, exact: boolean | undefined, trace?: PlanTrace): void {
  if (!trace || trace.countAccess) {
    if (chosen.index) chosen.index.accesses.ops += 1;
    for (const branch of chosen.branches ?? []) branch.index.accesses.ops += 1;
  }
  if (!trace) return;
  const { index, bounds, sorted, direction, branches } = chosen;
  Object.assign(trace, { index, bounds, exact, sorted, direction, branches });
}

/** Counts what the filter examined, when traced (wrapping only then keeps the hot path as it was). */
function traced(test: (doc: Doc) => boolean, trace?: PlanTrace): (doc: Doc) => boolean {
  if (!trace) return test;
  return (doc) => {
    trace.docsExamined += 1;
    const ok = test(doc);
    if (ok) trace.matched += 1;
    return ok;
  };
}

/** The matching stored documents, in order, after skip and limit (limit 0 = no limit). */
export function findDocuments(coll: Collection | undefined, spec: FindSpec, trace?: PlanTrace): Doc[] {
  if (!coll) return [];
  checkHint(coll, spec.hint);
  const filter = spec.filter ?? {};
  const sort = sortFields(spec.sort);
  const skip = Math.max(0, spec.skip ?? 0);
  const limit = Math.abs(spec.limit ?? 0);
  const collation = spec.exec?.collation;
  const text = extractText(filter);
  if (text) return findText(coll, spec, text.operand, text.rest, trace);
  if (sort.some(([field]) => field === TEXT_SCORE)) throw textScoreUnavailable();
  // Index keys and the _id map compare strings binary: under a collation every query scans.
  const chosen: Plan = collation ? { candidates: coll.docs.values(), sorted: sort.length === 0, exact: false } : plan(coll, filter, sort, trace);
  const { candidates, sorted, exact } = chosen;
  recordPlan(chosen, exact, trace);
  const test = traced(exact ? () => true : matcher(filter, spec.exec), trace);
  if (sorted) {
    const out: Doc[] = [];
    let skipped = 0;
    for (const doc of candidates) {
      if (!test(doc)) continue;
      if (skipped < skip) {
        skipped += 1;
        continue;
      }
      out.push(doc);
      if (limit && out.length >= limit) break;
    }
    return out;
  }
  const matched: Doc[] = [];
  for (const doc of candidates) if (test(doc)) matched.push(doc);
  const ordered = sortDocuments(matched, sort, collation?.strings);
  return ordered.slice(skip, limit ? skip + limit : undefined);
}

export function textScoreUnavailable(): MongoError {
  return new MongoError(40218, "query requires text score metadata, but it is not available");
}

/** A `$text` find: the text index's hits, the rest of the filter, then sort (scores allowed), skip, limit. */
function findText(coll: Collection, spec: FindSpec, operand: unknown, rest: Doc, trace?: PlanTrace): Doc[] {
  const test = matcher(rest, spec.exec);
  const sort = sortFields(spec.sort);
  const skip = Math.max(0, spec.skip ?? 0);
  const limit = Math.abs(spec.limit ?? 0);
  // Ranked by score with a limit (search's query): only the best skip + limit are matched and tested.
  const ranked = limit > 0 && !trace && sort.length === 1 && sort[0]![0] === TEXT_SCORE;
  const found = ranked ? topTextHits(coll, operand, rest, skip + limit, test) : searchText(coll, operand, rest);
  if (!trace || trace.countAccess) found.index.accesses.ops += 1;
  const scoreOf = (doc: Doc): number => found.hits.get(doc) ?? 0;
  let out: Doc[];
  let matched: number;
  if (ranked) {
    out = [...found.hits.keys()].slice(skip);
    matched = found.hits.size;
  } else {
    const all = [...found.hits.keys()].filter(test);
    matched = all.length;
    out = sortDocuments(all, sort, spec.exec?.collation?.strings, scoreOf).slice(skip, limit ? skip + limit : undefined);
  }
  if (trace) Object.assign(trace, { text: found, keysExamined: found.keysExamined, docsExamined: found.docsExamined, matched });
  if (spec.scores) for (const doc of out) spec.scores.set(doc, scoreOf(doc));
  return out;
}
