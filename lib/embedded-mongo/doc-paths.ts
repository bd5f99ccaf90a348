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
  const parts = path.split(".");
  const values: unknown[] = [];
  let found = false;
  const walk = (value: unknown, i: number): void => {
    if (i === parts.length) {
      found = true;
      values.push(value);
      return;
    }
    if (Array.isArray(value)) {
      const part = parts[i]!;
      if (/^\d+$/.test(part) && Number(part) < value.length) walk(value[Number(part)], i + 1);
      for (const element of value) if (isPlainObject(element)) walk(element, i);
      return;
    }
    if (isPlainObject(value) && parts[i]! in value) walk(value[parts[i]!], i + 1);
  };
  walk(doc, 0);
  return { values, found };
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
