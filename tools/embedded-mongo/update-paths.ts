/**
 * mongod's rules for the paths of an operator update, decided here rather than by mingo (whose
 * own check stops at the first positional element, so `a.$.x` and `a.$.y` looked like a
 * conflict at `a`):
 *
 * - two paths conflict only when one is the other or a prefix of the other, comparing every
 *   component — `$`, `$[]` and `$[id]` included — so `a.$.x` / `a.$.y` and `a.$[].x` / `a.$[].y`
 *   are fine, `a` / `a.b` and `a.$` / `a.$.x` are code 40 `Updating the path '<later>' would
 *   create a conflict at '<shorter>'` (the later path in operator and field order);
 * - one `$` per path at most (code 2), replaced by the position the query recorded
 *   (positional-match.ts); none recorded is code 2, and nothing is written;
 * - `$[]` / `$[id]` need an array where the path puts them (mingo silently does nothing): a
 *   missing one is code 2 `The path '<prefix>' must exist in the document in order to apply array
 *   updates.`, another value code 2 `Cannot apply array updates to non-array element <name>: <value>`
 *   (checked for the first such element of a path; deeper ones are per matched element);
 * - operators apply field by field in mongod's order (since 5.0: field names lexicographically,
 *   numeric names numerically), which decides the order of newly created fields.
 */
import { isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { formatValue } from "./format";

export interface PathUpdate {
  op: string;
  path: string;
  arg: unknown;
}

const POSITIONAL = "$";

function isPrefix(shorter: string[], longer: string[]): boolean {
  return shorter.length <= longer.length && shorter.every((part, i) => part === longer[i]);
}

/** Every path an update touches ($rename's target too), checked against mongod's conflict rule. */
export function checkPathConflicts(entries: PathUpdate[]): void {
  const seen: string[][] = [];
  const touched = entries.flatMap((entry) => (entry.op === "$rename" && typeof entry.arg === "string" ? [entry.path, entry.arg] : [entry.path]));
  for (const path of touched) {
    const parts = path.split(".");
    if (parts.filter((part) => part === POSITIONAL).length > 1) {
      throw new MongoError(2, `Too many positional (i.e. '$') elements found in path '${path}'`);
    }
    for (const earlier of seen) {
      if (isPrefix(earlier, parts) || isPrefix(parts, earlier)) {
        const shorter = earlier.length <= parts.length ? earlier : parts;
        throw new MongoError(40, `Updating the path '${path}' would create a conflict at '${shorter.join(".")}'`);
      }
    }
    seen.push(parts);
  }
}

export function hasPositional(path: string): boolean {
  return path.split(".").includes(POSITIONAL);
}

/** `a.$.b` with the recorded position 3 becomes `a.3.b`; no recorded position is mongod's code 2. */
export function resolvePositional(path: string, position: string | undefined): string {
  if (!hasPositional(path)) return path;
  if (position === undefined) throw new MongoError(2, "The positional operator did not find the match needed from the query.");
  return path.split(".").map((part) => (part === POSITIONAL ? position : part)).join(".");
}

function comparePart(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** mongod's application order: component by component, numbers numerically, names lexicographically. */
export function inApplyOrder(entries: PathUpdate[]): PathUpdate[] {
  return [...entries].sort((x, y) => {
    const a = x.path.split(".");
    const b = y.path.split(".");
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const c = comparePart(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  });
}

/** mongod's checks before an array update (`a.b.$[x]`): the array at `a.b` must exist and be an array. */
export function checkArrayUpdateTarget(doc: Doc, path: string): void {
  const parts = path.split(".");
  const at = parts.findIndex((part) => part.startsWith("$[") && part.endsWith("]"));
  if (at <= 0) return;
  let value: unknown = doc;
  for (let i = 0; i < at; i += 1) {
    const part = parts[i]!;
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else value = isPlainObject(value) ? value[part] : undefined;
    if (value === undefined) {
      throw new MongoError(2, `The path '${parts.slice(0, at).join(".")}' must exist in the document in order to apply array updates.`);
    }
  }
  if (!Array.isArray(value)) throw new MongoError(2, `Cannot apply array updates to non-array element ${parts[at - 1]}: ${formatValue(value)}`);
}
