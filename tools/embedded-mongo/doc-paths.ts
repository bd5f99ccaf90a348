/** Dotted-path helpers over plain documents (bson classes kept as leaves). */
export type Doc = Record<string, unknown>;

/** True for plain objects that represent embedded documents (not Date, ObjectId, Binary, ...). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value) || value instanceof Date || value instanceof RegExp || value instanceof Uint8Array) return false;
  return (value as { _bsontype?: string })._bsontype === undefined;
}

/** Deep copy that keeps bson values (ObjectId, Binary, ...) as shared leaves: they are never mutated. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const key of Object.keys(value)) out[key] = cloneValue(value[key]);
    return out as T;
  }
  return value;
}

/**
 * Every value a path reaches, descending into arrays the way MongoDB's indexes and sorts do.
 * `found` is false when no branch of the document has the path.
 */
export function pathValues(doc: unknown, path: string): { values: unknown[]; found: boolean } {
  if (!path.includes(".")) {
    // Fast path (no closure, no split): the common top-level field.
    if (isPlainObject(doc) && path in doc) return { values: [doc[path]], found: true };
    return { values: [], found: false };
  }
  const out = { values: [] as unknown[], found: false };
  walkPath(doc, path.split("."), 0, out);
  return out;
}

function walkPath(value: unknown, parts: string[], i: number, out: { values: unknown[]; found: boolean }): void {
  if (i === parts.length) {
    out.found = true;
    out.values.push(value);
    return;
  }
  const part = parts[i]!;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part) && Number(part) < value.length) walkPath(value[Number(part)], parts, i + 1, out);
    for (const element of value) if (isPlainObject(element)) walkPath(element, parts, i, out);
    return;
  }
  if (isPlainObject(value) && part in value) walkPath(value[part], parts, i + 1, out);
}

/** The single value at a path without array expansion (undefined when absent). */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (isPlainObject(value)) value = value[part];
    else return undefined;
  }
  return value;
}

/** Sets a dotted path, creating embedded documents on the way (used to build upserted documents). */
export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split(".");
  let target: Doc = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const next = target[parts[i]!];
    if (!isPlainObject(next)) target[parts[i]!] = {};
    target = target[parts[i]!] as Doc;
  }
  target[parts[parts.length - 1]!] = value;
}
