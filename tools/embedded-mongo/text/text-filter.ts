/**
 * Finding the `$text` clause of a filter: at the top level or inside a top-level `$and`, as mongod
 * plans it. Elsewhere mongod refuses it ($nor, $not, $elemMatch) or needs every $or branch
 * indexed, which this server does not plan: both are refused loudly.
 */
import { isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";

export interface TextClause {
  operand: unknown;
  /** The filter without the $text clause (mingo cannot evaluate $text). */
  rest: Doc;
}

function containsText(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsText);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => key === "$text" || containsText(inner));
}

function refuseNested(filter: Doc): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === "$text" || key === "$and") continue;
    if (!containsText(value)) continue;
    if (key === "$or") throw new MongoError(115, "$text inside $or is not supported by the embedded development server");
    throw new MongoError(2, "$text is not allowed in this context");
  }
}

/** The $text clause and the rest of the filter, or undefined when the filter has none. */
export function extractText(filter: Doc): TextClause | undefined {
  if (!containsText(filter)) return undefined;
  refuseNested(filter);
  const found: unknown[] = [];
  const rest: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === "$text") found.push(value);
    else if (key === "$and" && Array.isArray(value)) {
      const kept: unknown[] = [];
      for (const part of value) {
        if (isPlainObject(part) && "$text" in part) {
          const { $text, ...others } = part;
          refuseNested(others);
          found.push($text);
          kept.push(others);
        } else {
          if (containsText(part)) throw new MongoError(2, "$text is not allowed in this context");
          kept.push(part);
        }
      }
      rest.$and = kept;
    } else rest[key] = value;
  }
  if (found.length > 1) throw new MongoError(2, "Too many text expressions");
  return { operand: found[0], rest };
}

function isOperatorObject(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).some((key) => key.startsWith("$"));
}

/** The equality values a compound text index's prefix fields need, as mongod insists on them. */
export function prefixEqualities(rest: Doc, prefix: string[]): unknown[] {
  const sources = [rest, ...(Array.isArray(rest.$and) ? (rest.$and as unknown[]).filter(isPlainObject) : [])];
  return prefix.map((field) => {
    for (const source of sources) {
      if (!(field in source)) continue;
      const value = source[field];
      if (!isOperatorObject(value)) return value;
      if (isPlainObject(value) && Object.keys(value).length === 1 && "$eq" in value) return value.$eq;
    }
    throw new MongoError(2, "error processing query: planner returned error :: caused by :: failed to use text index to satisfy $text query (if text index is compound, are equality predicates given for all prefix fields?)");
  });
}
