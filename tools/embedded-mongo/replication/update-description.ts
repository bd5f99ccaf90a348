/**
 * A change event's `updateDescription`, computed from the document before and after the update.
 * mongod derives it from its oplog diff, which follows the update's own paths: `$set: {"a.b": 1}`
 * reports `a.b`, `$set: {a: {b: 1}}` reports `a`. So the diff descends into an embedded document
 * only where the update named a path below it (a pipeline update descends everywhere). Arrays
 * are reported whole (mongod sometimes reports single elements and `truncatedArrays`).
 */
import { encodeValue } from "../bson-order";
import type { ReplaceHow } from "../collection";
import { isPlainObject, type Doc } from "../doc-paths";
import { isOperatorUpdate } from "../update-apply";

export interface UpdateDescription extends Doc {
  updatedFields: Doc;
  removedFields: string[];
  truncatedArrays: Doc[];
}

/** What `Collection.replace` records for an update statement `u`. */
export function replaceHow(u: Doc | Doc[]): ReplaceHow {
  if (Array.isArray(u)) return { kind: "update" };
  if (!isOperatorUpdate(u)) return { kind: "replace" };
  const paths: string[] = [];
  for (const [op, args] of Object.entries(u)) {
    if (!isPlainObject(args)) continue;
    for (const [path, arg] of Object.entries(args)) {
      paths.push(path);
      if (op === "$rename" && typeof arg === "string") paths.push(arg);
    }
  }
  return { kind: "update", paths };
}

function descend(prefix: string, paths: string[] | undefined): boolean {
  return paths === undefined || paths.some((p) => p.startsWith(`${prefix}.`));
}

function diff(before: Doc, after: Doc, prefix: string, paths: string[] | undefined, out: UpdateDescription): void {
  for (const key of Object.keys(before)) if (!(key in after)) out.removedFields.push(prefix + key);
  for (const [key, value] of Object.entries(after)) {
    const path = prefix + key;
    const old = before[key];
    if (!(key in before)) out.updatedFields[path] = value;
    else if (isPlainObject(old) && isPlainObject(value) && descend(path, paths)) diff(old, value, `${path}.`, paths, out);
    else if (encodeValue(old) !== encodeValue(value)) out.updatedFields[path] = value;
  }
}

export function describeUpdate(before: Doc, after: Doc, paths: string[] | undefined): UpdateDescription {
  const out: UpdateDescription = { updatedFields: {}, removedFields: [], truncatedArrays: [] };
  diff(before, after, "", paths, out);
  return out;
}
