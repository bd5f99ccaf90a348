/** Sorting documents in mongod's order: BSON type order, arrays by their extreme element, strings under an optional collation. */
import { compareStrings, compareValues, type StringCompare } from "./bson-order";
import { isPlainObject, pathValues, type Doc } from "./doc-paths";

export type SortField = [string, number];

/** The sort field standing for `{$meta: "textScore"}` (always descending, as on mongod). */
export const TEXT_SCORE = "\u0000$textScore";

function isTextScoreMeta(dir: unknown): boolean {
  return isPlainObject(dir) && dir.$meta === "textScore";
}

/** The `{field: 1 | -1}` sort document as a list of fields and directions. */
export function sortFields(sort: Doc | undefined): SortField[] {
  if (!sort) return [];
  return Object.entries(sort)
    .filter(([, dir]) => typeof dir === "number" || typeof dir === "string" || isTextScoreMeta(dir))
    .map(([field, dir]): SortField => (isTextScoreMeta(dir) ? [TEXT_SCORE, -1] : [field, Number(dir) < 0 ? -1 : 1]));
}

/** Sort key of one field: arrays sort by their smallest (ascending) or largest (descending) element. */
function sortKey(doc: Doc, field: string, dir: number, strings: StringCompare): unknown {
  const { values, found } = pathValues(doc, field);
  if (!found) return null;
  let best: unknown;
  let first = true;
  for (const raw of values) {
    const list = Array.isArray(raw) ? (raw.length ? raw : [undefined]) : [raw];
    for (const value of list) {
      if (first || compareValues(value, best, strings) * dir < 0) best = value;
      first = false;
    }
  }
  return best;
}

export function sortDocuments(docs: Doc[], sort: SortField[], strings: StringCompare = compareStrings, scoreOf?: (doc: Doc) => number): Doc[] {
  if (sort.length === 0) return docs;
  const keyOf = (doc: Doc, field: string, dir: number): unknown => (field === TEXT_SCORE && scoreOf ? scoreOf(doc) : sortKey(doc, field, dir, strings));
  const keyed = docs.map((doc) => ({ doc, keys: sort.map(([field, dir]) => keyOf(doc, field, dir)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i += 1) {
      const c = compareValues(a.keys[i], b.keys[i], strings) * sort[i]![1];
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
