/**
 * MongoDB's cross-type comparison order (MinKey < null < numbers < strings < objects < arrays <
 * binData < ObjectId < bool < Date < Timestamp < regex < MaxKey) and a canonical string encoding
 * of values, used for index keys and equality (1, 1.0 and Long(1) encode the same).
 */

type Tagged = { _bsontype?: string };

function bsonType(value: unknown): string | undefined {
  return value !== null && typeof value === "object" ? (value as Tagged)._bsontype : undefined;
}

/** Rank of a value's type in MongoDB's comparison order. */
export function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 2;
  switch (typeof value) {
    case "number":
    case "bigint":
      return 3;
    case "string":
      return 4;
    case "boolean":
      return 9;
  }
  if (value instanceof Date) return 10;
  if (value instanceof RegExp) return 12;
  if (Array.isArray(value)) return 6;
  if (value instanceof Uint8Array) return 7;
  switch (bsonType(value)) {
    case "MinKey":
      return 1;
    case "Long":
    case "Int32":
    case "Double":
    case "Decimal128":
      return 3;
    case "BSONSymbol":
      return 4;
    case "Binary":
      return 7;
    case "ObjectId":
      return 8;
    case "Timestamp":
      return 11;
    case "BSONRegExp":
      return 12;
    case "MaxKey":
      return 13;
  }
  return 5;
}

export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return Number(String(value));
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function binaryBytes(value: unknown): { bytes: Uint8Array; subtype: number } {
  if (value instanceof Uint8Array) return { bytes: value, subtype: 0 };
  const bin = value as { buffer: Uint8Array; position?: number; sub_type: number };
  const bytes = bin.position !== undefined ? bin.buffer.subarray(0, bin.position) : bin.buffer;
  return { bytes, subtype: bin.sub_type };
}

/** How two strings compare: binary by default, or a collation's comparison. */
export type StringCompare = (a: string, b: string) => number;

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order over BSON values, as mongod compares them in sorts and range queries. `strings`
 * compares string values (a collation); field names always compare binary, as in mongod.
 */
export function compareValues(a: unknown, b: unknown, strings: StringCompare = compareStrings): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
    case 2:
    case 13:
      return 0;
    case 3:
      return compareNumbers(toNumber(a), toNumber(b));
    case 4:
      return strings(String(a), String(b));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>, strings);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], strings);
    case 7: {
      const x = binaryBytes(a);
      const y = binaryBytes(b);
      if (x.bytes.length !== y.bytes.length) return x.bytes.length - y.bytes.length;
      if (x.subtype !== y.subtype) return x.subtype - y.subtype;
      return compareBytes(x.bytes, y.bytes);
    }
    case 8:
      return compareStrings((a as { toHexString(): string }).toHexString(), (b as { toHexString(): string }).toHexString());
    case 9:
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 10:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return compareValues(BigInt(String(a)), BigInt(String(b)));
    case 12:
      return compareStrings(String(a), String(b));
  }
  return 0;
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>, strings: StringCompare): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i += 1) {
    const va = a[ka[i]!];
    const vb = b[kb[i]!];
    const byType = typeRank(va) - typeRank(vb);
    if (byType !== 0) return byType;
    const byName = compareStrings(ka[i]!, kb[i]!);
    if (byName !== 0) return byName;
    const byValue = compareValues(va, vb, strings);
    if (byValue !== 0) return byValue;
  }
  return ka.length - kb.length;
}

function compareArrays(a: unknown[], b: unknown[], strings: StringCompare): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const c = compareValues(a[i], b[i], strings);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Canonical string for a value: equal under MongoDB equality ⇔ equal strings. */
export function encodeValue(value: unknown): string {
  switch (typeRank(value)) {
    case 1:
      return "<";
    case 2:
      return "z";
    case 3: {
      const n = toNumber(value);
      return `n${n === 0 ? 0 : n}`;
    }
    case 4:
      return `s${JSON.stringify(String(value))}`;
    case 5: {
      const obj = value as Record<string, unknown>;
      let out = "{";
      for (const key of Object.keys(obj)) {
        if (obj[key] === undefined) continue;
        out += `${JSON.stringify(key)}:${encodeValue(obj[key])},`;
      }
      return `${out}}`;
    }
    case 6:
      return `[${(value as unknown[]).map(encodeValue).join(",")}]`;
    case 7: {
      const { bytes, subtype } = binaryBytes(value);
      return `x${subtype}:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64")}`;
    }
    case 8:
      return `o${(value as { toHexString(): string }).toHexString()}`;
    case 9:
      return value ? "t" : "f";
    case 10:
      return `d${(value as Date).getTime()}`;
    case 11:
      return `T${String(value)}`;
    case 12:
      return `r${String(value)}`;
    case 13:
      return ">";
  }
  return "?";
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return encodeValue(a) === encodeValue(b);
}
