/**
 * The `$jsonSchema` subset MongoDB validators use, checked by hand against stored documents.
 * Numbers arrive promoted to JS numbers, so "int"/"long" mean "an integer" and "double"/"decimal"
 * mean "a number" (the original BSON width is not kept).
 */
import { valuesEqual } from "./bson-order";
import { isPlainObject } from "./doc-paths";

export type Schema = Record<string, unknown>;

export interface SchemaFailure {
  operatorName: string;
  specifiedAs: Record<string, unknown>;
  reason: string;
  path?: string;
}

function bsonTypeMatches(type: string, value: unknown): boolean {
  const tag = value !== null && typeof value === "object" ? (value as { _bsontype?: string })._bsontype : undefined;
  switch (type) {
    case "double":
    case "decimal":
      return typeof value === "number" || tag === "Double" || tag === "Decimal128";
    case "int":
      return (typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 2 ** 31) || tag === "Int32";
    case "long":
      return (typeof value === "number" && Number.isInteger(value)) || tag === "Long";
    case "number":
      return typeof value === "number" || ["Double", "Int32", "Long", "Decimal128"].includes(tag ?? "");
    case "string":
      return typeof value === "string";
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "binData":
      return tag === "Binary" || value instanceof Uint8Array;
    case "objectId":
      return tag === "ObjectId";
    case "bool":
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return value instanceof Date;
    case "null":
      return value === null;
    case "regex":
      return value instanceof RegExp || tag === "BSONRegExp";
    case "timestamp":
      return tag === "Timestamp";
    case "minKey":
      return tag === "MinKey";
    case "maxKey":
      return tag === "MaxKey";
    case "undefined":
      return value === undefined;
    case "javascript":
      return tag === "Code";
  }
  return false;
}

function jsonTypeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "number":
      return typeof value === "number";
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
  }
  return false;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : [v as string]);

/** Returns the rules a value breaks (empty when it satisfies the schema). */
export function validateSchema(schema: Schema, value: unknown, path = ""): SchemaFailure[] {
  const out: SchemaFailure[] = [];
  const fail = (operatorName: string, reason: string) =>
    out.push({ operatorName, specifiedAs: { [operatorName]: schema[operatorName] }, reason, ...(path ? { path } : {}) });

  if (schema.bsonType !== undefined && !asList(schema.bsonType).some((t) => bsonTypeMatches(t, value))) fail("bsonType", "type did not match");
  if (schema.type !== undefined && !asList(schema.type).some((t) => jsonTypeMatches(t, value))) fail("type", "type did not match");
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => valuesEqual(option, value))) fail("enum", "value was not found in enum");
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const passing = list.filter((sub) => validateSchema(sub as Schema, value, path).length === 0).length;
    if (key === "allOf" && passing !== list.length) fail(key, "at least one subschema was not satisfied");
    if (key === "anyOf" && passing === 0) fail(key, "no subschema was satisfied");
    if (key === "oneOf" && passing !== 1) fail(key, "not exactly one subschema was satisfied");
  }
  if (isPlainObject(schema.not) && validateSchema(schema.not, value, path).length === 0) fail("not", "child schema was satisfied");

  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) fail("minLength", "specified string length was not satisfied");
    if (typeof schema.maxLength === "number" && length > schema.maxLength) fail("maxLength", "specified string length was not satisfied");
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) fail("pattern", "regular expression did not match");
  }
  if (typeof value === "number") {
    const exclusiveMin = schema.exclusiveMinimum === true;
    const exclusiveMax = schema.exclusiveMaximum === true;
    if (typeof schema.minimum === "number" && (exclusiveMin ? value <= schema.minimum : value < schema.minimum)) fail("minimum", "comparison failed");
    if (typeof schema.maximum === "number" && (exclusiveMax ? value >= schema.maximum : value > schema.maximum)) fail("maximum", "comparison failed");
    if (typeof schema.multipleOf === "number" && value % schema.multipleOf !== 0) fail("multipleOf", "value was not a multiple");
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail("minItems", "array did not match specified length");
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail("maxItems", "array did not match specified length");
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail("uniqueItems", "found a duplicate item");
    if (isPlainObject(schema.items)) {
      value.forEach((item, i) => out.push(...validateSchema(schema.items as Schema, item, `${path}${path ? "." : ""}${i}`)));
    } else if (Array.isArray(schema.items)) {
      schema.items.forEach((sub, i) => {
        if (i < value.length) out.push(...validateSchema(sub as Schema, value[i], `${path}${path ? "." : ""}${i}`));
      });
    }
  }
  if (isPlainObject(value)) validateObject(schema, value, path, out, fail);
  return out;
}

function validateObject(schema: Schema, value: Record<string, unknown>, path: string, out: SchemaFailure[], fail: (op: string, reason: string) => void): void {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (Array.isArray(schema.required)) {
    const missing = (schema.required as string[]).filter((k) => !keys.includes(k));
    if (missing.length) out.push({ operatorName: "required", specifiedAs: { required: schema.required }, reason: `missing properties: ${missing.join(", ")}`, ...(path ? { path } : {}) });
  }
  if (typeof schema.minProperties === "number" && keys.length < schema.minProperties) fail("minProperties", "too few properties");
  if (typeof schema.maxProperties === "number" && keys.length > schema.maxProperties) fail("maxProperties", "too many properties");
  const properties = isPlainObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  const patterns = isPlainObject(schema.patternProperties) ? Object.entries(schema.patternProperties as Record<string, Schema>) : [];
  const extra: string[] = [];
  for (const key of keys) {
    const child = `${path}${path ? "." : ""}${key}`;
    let covered = false;
    if (properties[key]) {
      covered = true;
      out.push(...validateSchema(properties[key]!, value[key], child));
    }
    for (const [pattern, sub] of patterns) {
      if (new RegExp(pattern, "u").test(key)) {
        covered = true;
        out.push(...validateSchema(sub, value[key], child));
      }
    }
    if (!covered) {
      if (schema.additionalProperties === false) extra.push(key);
      else if (isPlainObject(schema.additionalProperties)) out.push(...validateSchema(schema.additionalProperties, value[key], child));
    }
  }
  if (extra.length) {
    out.push({ operatorName: "additionalProperties", specifiedAs: { additionalProperties: false }, reason: `additional properties: ${extra.join(", ")}`, ...(path ? { path } : {}) });
  }
}
