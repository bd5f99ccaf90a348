/**
 * Collation: mongod's collation document checked as mongod checks it and turned into an
 * `Intl.Collator` (ICU, as in mongod). What Intl cannot express (`backwards`, `maxVariable:
 * "space"` with `alternate: "shifted"`, quaternary strength with `shifted`) is refused with code
 * 115 rather than approximated, so nothing is ignored in silence.
 */
import { compareStrings, compareValues, type StringCompare } from "./bson-order";
import { isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";

export interface Collation {
  /** The collation document as the client sent it. */
  spec: Doc;
  /** Compares two strings under the collation. */
  strings: StringCompare;
  /** Compares two BSON values, strings (also inside documents and arrays) under the collation. */
  compare: (a: unknown, b: unknown) => number;
}

const FIELDS = new Set(["locale", "caseLevel", "caseFirst", "strength", "numericOrdering", "alternate", "maxVariable", "normalization", "backwards", "version"]);

function notSupported(what: string): MongoError {
  return new MongoError(115, `collation ${what} is not supported by the embedded development server`);
}

function optionalBoolean(spec: Doc, field: string): boolean {
  const value = spec[field];
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new MongoError(14, `BSON field 'collation.${field}' is the wrong type '${typeof value}', expected type 'bool'`);
  return value;
}

function oneOf(spec: Doc, field: string, allowed: string[], fallback: string): string {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (typeof value !== "string") throw new MongoError(14, `Field '${field}' must be of type string in: ${JSON.stringify(spec)}`);
  if (!allowed.includes(value)) throw new MongoError(9, `Field '${field}' must be one of ${allowed.map((a) => `'${a}'`).join(", ")}. Got: ${value}`);
  return value;
}

/** mongod's locale spelling: language, optional Script, COUNTRY and VARIANT joined by `_`, optional `@collation=`. */
const LOCALE_SHAPE = /^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2})?(?:_[A-Z]+)?(?:@collation=[a-z]+)?$/;

/** mongod spells locales with `_` and `@collation=`; Intl wants BCP 47. */
function toBcp47(locale: string): string {
  const [base, keywords] = locale.split("@");
  const tag = base!.replace(/_/g, "-");
  const variant = /^collation=(\w+)$/.exec(keywords ?? "")?.[1];
  return variant ? `${tag}-u-co-${variant}` : tag;
}

function buildCollator(spec: Doc): StringCompare {
  const locale = spec.locale as string;
  const tag = toBcp47(locale);
  let supported: string[] = [];
  try {
    if (LOCALE_SHAPE.test(locale)) supported = Intl.Collator.supportedLocalesOf(tag);
  } catch {
    // not a locale Intl knows: refused below
  }
  if (supported.length === 0) throw new MongoError(2, `Field 'locale' is invalid in: { locale: "${locale}" }`);
  const strength = spec.strength === undefined ? 3 : spec.strength;
  if (typeof strength !== "number") throw new MongoError(14, `Field 'strength' must be a number in: ${JSON.stringify(spec)}`);
  if (!Number.isInteger(strength)) throw new MongoError(2, `Field 'strength' must be an integer. Got: ${strength}`);
  if (strength < 1 || strength > 5) throw new MongoError(9, `Field 'strength' must be an integer 1 through 5. Got: ${strength}`);
  const caseLevel = optionalBoolean(spec, "caseLevel");
  const caseFirst = oneOf(spec, "caseFirst", ["upper", "lower", "off"], "off") as "upper" | "lower" | "off";
  const numeric = optionalBoolean(spec, "numericOrdering");
  const shifted = oneOf(spec, "alternate", ["non-ignorable", "shifted"], "non-ignorable") === "shifted";
  const maxVariable = oneOf(spec, "maxVariable", ["punct", "space"], "punct");
  const normalization = optionalBoolean(spec, "normalization");
  if (optionalBoolean(spec, "backwards")) throw notSupported("'backwards: true'");
  if (shifted && maxVariable === "space") throw notSupported("'maxVariable: \"space\"' with 'alternate: \"shifted\"'");
  // Quaternary strength differs from tertiary only for characters `shifted` makes ignorable.
  if (shifted && strength === 4) throw notSupported("'strength: 4' with 'alternate: \"shifted\"'");
  const sensitivity = strength === 1 ? (caseLevel ? "case" : "base") : strength === 2 && !caseLevel ? "accent" : "variant";
  // caseFirst and alternate are passed only when given: otherwise the locale's own defaults apply
  // (Danish sorts upper case first, Thai ignores punctuation), as in mongod.
  const collator = new Intl.Collator(tag, {
    usage: "sort",
    sensitivity,
    numeric,
    ...(spec.caseFirst === undefined ? {} : { caseFirst: caseFirst === "off" ? "false" : caseFirst }),
    ...(spec.alternate === undefined ? {} : { ignorePunctuation: shifted }),
  });
  const prepare = normalization ? (s: string) => s.normalize("NFD") : (s: string) => s;
  return (a, b) => {
    const x = prepare(a);
    const y = prepare(b);
    const c = collator.compare(x, y);
    // Identical strength (5) breaks remaining ties by code point, as ICU's identical level does.
    if (c !== 0 || strength !== 5) return c < 0 ? -1 : c > 0 ? 1 : 0;
    return compareStrings(x.normalize("NFD"), y.normalize("NFD"));
  };
}

/** The collation a command asks for, or undefined for none / `{locale: "simple"}` (binary). */
export function parseCollation(raw: unknown): Collation | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw new MongoError(14, `BSON field 'collation' is the wrong type '${typeof raw}', expected type 'object'`);
  for (const field of Object.keys(raw)) {
    if (!FIELDS.has(field)) throw new MongoError(9, `unknown collation spec field: ${field}`);
  }
  if (raw.locale === undefined) throw new MongoError(4, "Missing expected field \"locale\"");
  if (typeof raw.locale !== "string") throw new MongoError(14, `BSON field 'collation.locale' is the wrong type '${typeof raw.locale}', expected type 'string'`);
  if (raw.locale === "simple") {
    if (Object.keys(raw).some((k) => k !== "locale" && k !== "version")) throw new MongoError(9, "If locale=simple, no other fields can be specified");
    return undefined;
  }
  const strings = buildCollator(raw);
  return { spec: raw, strings, compare: (a, b) => compareValues(a, b, strings) };
}

/**
 * Operators and stages whose comparisons a collation changes but that this server does not run
 * under a collation (mingo compares them binary): refused, never run with the wrong semantics.
 */
const NOT_COLLATION_AWARE = new Set([
  "$bucket", "$bucketAuto", "$sortByCount", "$lookup", "$graphLookup", "$setWindowFields", "$unionWith",
  "$densify", "$fill", "$setUnion", "$setIntersection", "$setEquals", "$setDifference", "$setIsSubset", "$indexOfArray",
  "$max", "$min", "$maxN", "$minN", "$top", "$topN", "$bottom", "$bottomN", "$sortArray", "$addToSet", "$pullAll", "$all",
]);

/** True for an expression with no field path or variable in it: its value is the same for every document. */
function isConstant(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$");
  if (Array.isArray(value)) return value.every(isConstant);
  if (isPlainObject(value)) return Object.entries(value).every(([key, inner]) => !key.startsWith("$") && isConstant(inner));
  return true;
}

function findUnsupported(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnsupported(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (NOT_COLLATION_AWARE.has(key)) return key;
    // Grouping by a constant (countDocuments' {_id: 1}) never compares keys; by a field it would.
    if (key === "$group" && !(isPlainObject(inner) && isConstant(inner._id))) return key;
    const found = findUnsupported(inner);
    if (found) return found;
  }
  return undefined;
}

/** Refuses (code 115) a filter, update or pipeline that uses an operator not run under a collation. */
export function assertCollationSupported(collation: Collation | undefined, ...parts: unknown[]): void {
  if (!collation) return;
  const found = findUnsupported(parts);
  if (found) throw notSupported(`with '${found}'`);
}

/** `$push` with `$sort` orders strings under the collation in mongod; mingo sorts them binary. */
export function assertCollationSupportedInUpdate(collation: Collation | undefined, update: unknown): void {
  if (!collation || !isPlainObject(update) || !isPlainObject(update.$push)) return;
  const sorted = Object.values(update.$push).some((spec) => isPlainObject(spec) && spec.$sort !== undefined);
  if (sorted) throw notSupported("with '$push' and '$sort'");
}
