/** Sorting documents in mongod's order: BSON type order, arrays by their extreme element, strings under an optional collation. */
import { compareStrings, compareValues, type StringCompare } from "./bson-order";
import { pathValues, type Doc } from "./doc-paths";

export type SortField = [string, number];

/** The `{field: 1 | -1}` sort document as a list of fields and directions. */
export function sortFields(sort: Doc | undefined): SortField[] {
  if (!sort) return [];
  return Object.entries(sort)
    .filter(([, dir]) => typeof dir === "number" || typeof dir === "string")
    .map(([field, dir]) => [field, Number(dir) < 0 ? -1 : 1]);
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

export function sortDocuments(docs: Doc[], sort: SortField[], strings: StringCompare = compareStrings): Doc[] {
  if (sort.length === 0) return docs;
  const keyed = docs.map((doc) => ({ doc, keys: sort.map(([field, dir]) => sortKey(doc, field, dir, strings)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i += 1) {
      const c = compareValues(a.keys[i], b.keys[i], strings) * sort[i]![1];
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
