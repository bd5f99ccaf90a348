/**
 * `$in` / `$nin` in linear time. mingo's `$in` hashes the whole list again for every document
 * it tests (`intersection([values, list])`), so `{_id: {$in: [k ids]}}` cost O(k) per candidate
 * and O(k²) per query. Here the list becomes a Set of canonical keys once, when the query is
 * compiled: a document then costs one lookup per value its path reaches.
 *
 * Keys follow mongod's equality: `encodeValue` gives 1, 1.0, Long(1) and Decimal128("1") the same
 * key, compares ObjectIds, dates, strings, documents (field order included) and arrays by value,
 * and gives missing and null the same key (`{$in: [null]}` matches a missing field, as on mongod).
 * Regexes in the list also match strings they test true on. Collations are not handled here: under
 * a collation the collated operators in mingo-context.ts compare item by item.
 */
import { encodeValue } from "./bson-order";
import { isPlainObject, pathValues } from "./doc-paths";
import { MongoError } from "./errors";

export type Membership = (value: unknown) => boolean;

/** A membership test over `list`, built once (O(k)); each call is O(1) for non-regex values. */
export function membership(list: readonly unknown[]): Membership {
  const keys = new Set<string>();
  const patterns: RegExp[] = [];
  for (const item of list) {
    if (item instanceof RegExp) patterns.push(item);
    keys.add(encodeValue(item));
  }
  if (patterns.length === 0) return (value) => keys.has(encodeValue(value));
  return (value) => keys.has(encodeValue(value)) || (typeof value === "string" && patterns.some((re) => testRegex(re, value)));
}

function testRegex(re: RegExp, value: string): boolean {
  re.lastIndex = 0;
  return re.test(value);
}

/**
 * The values a path offers to equality, as mongod's matcher walks it: every value the path reaches
 * (descending through arrays of documents), each array also by its elements (one level: `{v: 2}`
 * does not match `[[2]]`); a path reaching nothing offers "missing", which equals null.
 */
export function equalityCandidates(doc: unknown, path: string): unknown[] {
  const { values, found } = pathValues(doc, path);
  if (!found) return [undefined];
  const out: unknown[] = [];
  for (const value of values) {
    out.push(value);
    if (Array.isArray(value)) out.push(...value);
  }
  return out;
}

/** mongod's checks on the operand: an array, holding no document whose first field starts with `$`. */
export function checkInList(op: "$in" | "$nin", list: unknown): readonly unknown[] {
  if (!Array.isArray(list)) throw new MongoError(2, `${op} needs an array`);
  for (const item of list) {
    if (isPlainObject(item) && (Object.keys(item)[0] ?? "").startsWith("$")) {
      throw new MongoError(2, `cannot nest $ under ${op}`);
    }
  }
  return list;
}
