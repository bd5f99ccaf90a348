/** Renders values the way mongod prints them inside error messages (`{ _id: ObjectId('…') }`). */
import { isPlainObject } from "./doc-paths";

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(", ")} ]`;
  const tag = (value as { _bsontype?: string })._bsontype;
  if (tag === "ObjectId") return `ObjectId('${(value as { toHexString(): string }).toHexString()}')`;
  if (isPlainObject(value)) return formatDocument(value);
  return String(value);
}

export function formatDocument(doc: Record<string, unknown>): string {
  const keys = Object.keys(doc);
  if (keys.length === 0) return "{}";
  return `{ ${keys.map((k) => `${k}: ${formatValue(doc[k])}`).join(", ")} }`;
}
