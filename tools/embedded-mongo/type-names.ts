/**
 * BSON type names and numbers as mongod's `$type` (query and expression) reports them. A JS
 * number is named by the type it goes back out as: an integer that fits in 32 bits is "int",
 * any other number "double" (the driver's serializer makes the same choice).
 */
import { MongoError } from "./errors";

const NUMBERS: Record<string, number> = {
  double: 1, string: 2, object: 3, array: 4, binData: 5, undefined: 6, objectId: 7, bool: 8, date: 9, null: 10,
  regex: 11, dbPointer: 12, javascript: 13, symbol: 14, javascriptWithScope: 15, int: 16, timestamp: 17, long: 18,
  decimal: 19, minKey: -1, maxKey: 127,
};

const BY_BSONTYPE: Record<string, string> = {
  ObjectId: "objectId", Binary: "binData", Long: "long", Int32: "int", Double: "double", Decimal128: "decimal",
  Timestamp: "timestamp", BSONRegExp: "regex", BSONSymbol: "symbol", MinKey: "minKey", MaxKey: "maxKey",
  DBPointer: "dbPointer", DBRef: "object",
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** mongod's type alias for a value; undefined for a missing value. */
export function bsonTypeName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX ? "int" : "double";
    case "bigint":
      return "long";
    case "string":
      return "string";
    case "boolean":
      return "bool";
  }
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "date";
  if (value instanceof RegExp) return "regex";
  if (value instanceof Uint8Array) return "binData";
  const tag = (value as { _bsontype?: string })._bsontype;
  if (tag === "Code") return (value as { scope?: unknown }).scope ? "javascriptWithScope" : "javascript";
  if (tag) return BY_BSONTYPE[tag] ?? "object";
  return "object";
}

const NUMERIC = new Set(["double", "int", "long", "decimal"]);

/** The type names one `$type` argument (alias, number, or "number") stands for. */
export function typeNamesFor(argument: unknown): string[] {
  if (argument === "number") return [...NUMERIC];
  if (typeof argument === "string") {
    if (!(argument in NUMBERS)) throw new MongoError(2, `Unknown type name alias: ${argument}`);
    return [argument];
  }
  if (typeof argument === "number") {
    const name = Object.keys(NUMBERS).find((key) => NUMBERS[key] === argument);
    if (!name) throw new MongoError(2, `Invalid numerical type code: ${argument}`);
    return [name];
  }
  throw new MongoError(14, "type must be represented as a number or a string");
}

/** mongod's `$type` query semantics: the value itself or, for an array, any of its elements. */
export function matchesType(value: unknown, names: ReadonlySet<string>): boolean {
  const own = bsonTypeName(value);
  if (own !== undefined && names.has(own)) return true;
  return Array.isArray(value) && value.some((element) => {
    const name = bsonTypeName(element);
    return name !== undefined && names.has(name);
  });
}
