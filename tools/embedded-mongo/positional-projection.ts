/**
 * The find projection `{"<path>.$": 1}`, answered from the same record as update's positional `$`
 * (positional-match.ts) rather than by mingo: the first array met along `<path>` is cut down to
 * the one element the query recorded. No record is mongod's code 51246, a record past the
 * array's end code 51247; a document without an array on the path is projected as if `<path>: 1`.
 */
import { cloneValue, isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import type { ExecOptions } from "./mingo-context";
import { positionalMatch } from "./positional-match";

const SUFFIX = ".$";

/** The projection's positional path (without `.$`), if it has one. */
export function positionalPath(projection: Doc): string | undefined {
  const key = Object.keys(projection).find((k) => k.endsWith(SUFFIX));
  return key === undefined ? undefined : key.slice(0, -SUFFIX.length);
}

/** The projection with `<path>.$` read as an inclusion of `<path>`. */
export function withoutPositional(projection: Doc, path: string): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(projection)) out[key === `${path}${SUFFIX}` ? path : key] = value;
  return out;
}

/** Keeps, in an array element, only what the rest of the projected path selects. */
function pick(value: unknown, parts: string[]): unknown {
  if (parts.length === 0 || !isPlainObject(value)) return value;
  const [head, ...rest] = parts;
  return head! in value ? { [head!]: pick(value[head!], rest) } : {};
}

/**
 * Replaces, in `projected` (the inclusion-projected copy), the first array along `path` with the
 * recorded element. `context` prefixes the error as mongod's command does ("Executor error during
 * find command :: caused by :: ").
 */
export function applyPositional(source: Doc, projected: Doc, path: string, filter: Doc | undefined, exec: ExecOptions | undefined, context = ""): Doc {
  const parts = path.split(".");
  let value: unknown = source;
  let target: Doc = projected;
  for (let i = 0; i < parts.length; i += 1) {
    if (!isPlainObject(value) || !isPlainObject(target)) return projected;
    value = value[parts[i]!];
    if (Array.isArray(value)) {
      const key = positionalMatch(filter, source, exec);
      if (key === undefined) throw new MongoError(51246, `${context}positional operator '.$' couldn't find a matching element in the array`);
      if (Number(key) >= value.length) throw new MongoError(51247, `${context}positional operator '.$' element mismatch`);
      target[parts[i]!] = [cloneValue(pick(value[Number(key)], parts.slice(i + 1)))];
      return projected;
    }
    if (i < parts.length - 1) target = target[parts[i]!] as Doc;
  }
  return projected;
}
