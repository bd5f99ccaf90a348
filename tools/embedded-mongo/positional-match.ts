/**
 * The array position the positional `$` (update paths `a.$`, projection `{"a.$": 1}`) stands for,
 * computed the way mongod's matcher records it (MatchDetails' "elemMatchKey"), not by mingo:
 *
 * - the filter's top-level AND (its fields, each operator of a field, `$and` flattened, `$all`
 *   as one equality per item) is put in mongod's canonical order — by match type (below), then
 *   path, ties kept in query order — and evaluated in that order; every predicate that records a
 *   position overwrites the previous one, so the LAST recording predicate wins. This is how mongod
 *   7.0 answers the case the manual calls undefined (conditions on two arrays, or two conditions
 *   on one array outside `$elemMatch`);
 * - a predicate records the offset, in the first array its path crosses implicitly, of the first
 *   element it matches. An explicit index (`a.0.b`) records nothing, a whole-array match
 *   (`{a: [1, 2]}`, `$size`) records nothing unless it sits inside an outer array;
 * - `$elemMatch` records the element it matched (a negation inside it is fine);
 * - negations (`$ne`, `$nin`, `$not`, `$exists: false`) and `$or` (of two or more clauses), `$nor`,
 *   `$expr` record nothing.
 *
 * mingo evaluates a predicate on one element; this module decides which element counts.
 */
import type { Query } from "mingo/query";
import { isPlainObject, type Doc } from "./doc-paths";
import { createQuery, type ExecOptions } from "./mingo-context";

/** mongod's MatchExpression::MatchType order (expression.h), the first key of its canonical sort. */
const TYPE_ORDER = ["$elemMatchObject", "$elemMatchValue", "$size", "$eq", "$lte", "$lt", "$gt", "$gte", "$regex", "$mod", "$exists", "$in", "$bitsAllSet", "$bitsAllClear", "$bitsAnySet", "$bitsAnyClear", "$type"];

interface Predicate {
  type: number;
  path: string;
  /** Tests one element (never an array's elements: the walk below offers those). */
  condition: Doc;
  elemMatch?: "object" | "value";
}

const NEGATIONS = new Set(["$ne", "$nin", "$not"]);

function typeOf(op: string): number {
  const at = TYPE_ORDER.indexOf(op);
  return at === -1 ? TYPE_ORDER.length : at;
}

/** mongod's rule for `$elemMatch`: operators at the top of the sub-query make it a value match. */
function elemMatchKind(sub: unknown): "object" | "value" {
  if (!isPlainObject(sub)) return "object";
  const first = Object.keys(sub)[0] ?? "";
  return first.startsWith("$") && !["$and", "$or", "$nor", "$where", "$expr", "$jsonSchema", "$text", "$comment"].includes(first) ? "value" : "object";
}

function fieldPredicates(path: string, value: unknown, out: Predicate[]): void {
  const isOperators = isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith("$"));
  if (!isOperators) {
    out.push({ type: typeOf(value instanceof RegExp ? "$regex" : "$eq"), path, condition: { $eq: value } });
    if (value instanceof RegExp) out[out.length - 1]!.condition = { $regex: value };
    return;
  }
  for (const [op, arg] of Object.entries(value)) {
    if (NEGATIONS.has(op) || op === "$options") continue;
    if (op === "$exists" && !arg) continue;
    if (op === "$all" && Array.isArray(arg)) {
      for (const item of arg) {
        if (isPlainObject(item) && "$elemMatch" in item) fieldPredicates(path, item, out);
        else out.push({ type: typeOf("$eq"), path, condition: { $eq: item } });
      }
      continue;
    }
    if (op === "$elemMatch") {
      const kind = elemMatchKind(arg);
      out.push({ type: typeOf(kind === "object" ? "$elemMatchObject" : "$elemMatchValue"), path, condition: arg as Doc, elemMatch: kind });
      continue;
    }
    const condition: Doc = { [op]: arg };
    if (op === "$regex" && "$options" in value) condition.$options = value.$options;
    // mongod rewrites a one-item $in (no regex) as an equality before sorting.
    const single = op === "$in" && Array.isArray(arg) && arg.length === 1 && !(arg[0] instanceof RegExp);
    out.push({ type: typeOf(single ? "$eq" : op), path, condition });
  }
}

function collect(filter: Doc, out: Predicate[]): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === "$and" && Array.isArray(value)) value.forEach((part) => isPlainObject(part) && collect(part, out));
    // mongod's optimizer replaces a one-clause $or by its clause before matching.
    else if (key === "$or" && Array.isArray(value) && value.length === 1 && isPlainObject(value[0])) collect(value[0], out);
    // $or, $nor, $expr, $where, $jsonSchema, ... record nothing (mongod passes them no details).
    else if (!key.startsWith("$")) fieldPredicates(key, value, out);
  }
}

interface Element {
  value: unknown;
  offset?: string;
}

/** mongod's element walk: implicit array traversal records the offset; explicit indexes do not. */
function* walk(value: unknown, parts: string[], i: number, offset: string | undefined, leafArrays: boolean): Generator<Element> {
  if (i === parts.length) {
    if (Array.isArray(value) && leafArrays) {
      for (let k = 0; k < value.length; k += 1) yield { value: value[k], offset: offset ?? String(k) };
    }
    yield { value, offset };
    return;
  }
  const part = parts[i]!;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part) && Number(part) < value.length) yield* walk(value[Number(part)], parts, i + 1, offset, leafArrays);
    for (let k = 0; k < value.length; k += 1) {
      if (isPlainObject(value[k])) yield* walk(value[k], parts, i, offset ?? String(k), leafArrays);
    }
    return;
  }
  yield* walk(isPlainObject(value) ? value[part] : undefined, parts, i + 1, offset, leafArrays && isPlainObject(value));
}

/** The offset this predicate records on `doc`, or undefined. */
function recorded(predicate: Predicate, doc: Doc, exec: ExecOptions | undefined): string | undefined {
  const parts = predicate.path.split(".");
  if (predicate.elemMatch) {
    const sub: Query = predicate.elemMatch === "object" ? createQuery(predicate.condition, exec) : createQuery({ v: predicate.condition }, exec);
    for (const { value, offset } of walk(doc, parts, 0, undefined, false)) {
      if (!Array.isArray(value)) continue;
      const at = value.findIndex((el) => (predicate.elemMatch === "object" ? (isPlainObject(el) || Array.isArray(el)) && sub.test(el as Doc) : sub.test({ v: el })));
      if (at !== -1) return offset ?? String(at);
    }
    return undefined;
  }
  const test = createQuery({ v: predicate.condition }, exec);
  const leafArrays = predicate.type !== typeOf("$size");
  for (const { value, offset } of walk(doc, parts, 0, undefined, leafArrays)) {
    if (test.test(value === undefined ? {} : { v: value })) return offset;
  }
  return undefined;
}

/** The position `$` stands for in `doc` (which matched `filter`), or undefined when none is recorded. */
export function positionalMatch(filter: Doc | undefined, doc: Doc, exec?: ExecOptions): string | undefined {
  if (!filter) return undefined;
  const predicates: Predicate[] = [];
  collect(filter, predicates);
  const ordered = predicates.map((p, i) => ({ p, i })).sort((x, y) => x.p.type - y.p.type || (x.p.path < y.p.path ? -1 : x.p.path > y.p.path ? 1 : 0) || x.i - y.i);
  let key: string | undefined;
  for (const { p } of ordered) key = recorded(p, doc, exec) ?? key;
  return key;
}
