/**
 * A text index's spec as mongod stores it: the key's text fields fold into `_fts: "text",
 * _ftsx: 1` (between the prefix and suffix fields), their weights move to `weights` (sorted by
 * field, default 1), with `default_language` ("english"), `language_override` ("language") and
 * `textIndexVersion: 3`. Errors carry mongod's codes (fts_spec.cpp).
 */
import { isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { canonicalLanguage, runnableLanguage } from "./languages";

const MAX_WORD_WEIGHT = 100_000;

export function isTextKey(key: Record<string, unknown>): boolean {
  return Object.values(key).some((v) => v === "text") || "_fts" in key;
}

function checkFieldName(field: string): void {
  if (field === "_fts" || field === "_ftsx") throw new MongoError(17289, "text index with reserved fields _fts/_ftsx not allowed");
}

/** Splits the key into prefix fields, text fields and suffix fields, checking their order. */
function splitKey(key: Record<string, unknown>): { before: string[]; text: string[]; after: string[]; folded: boolean } {
  const parts = { before: [] as string[], text: [] as string[], after: [] as string[], folded: "_fts" in key };
  let phase: "before" | "text" | "after" = "before";
  for (const [field, value] of Object.entries(key)) {
    if (field === "_fts" || field === "_ftsx") {
      if (field === "_fts" && value !== "text") throw new MongoError(17271, 'expecting _fts:"text"');
      if (field === "_ftsx" && value !== 1) throw new MongoError(17272, "expecting _ftsx:1");
      phase = field === "_ftsx" ? "after" : "text";
      continue;
    }
    if (value === "text") {
      if (phase === "after") throw new MongoError(17389, "'text' fields in index must all be adjacent");
      checkFieldName(field);
      phase = "text";
      parts.text.push(field);
      continue;
    }
    if (value !== 1 && value !== -1) throw new MongoError(17273, "expected value 1 or -1 for non-text key in compound index");
    checkFieldName(field);
    if (phase === "text") phase = "after";
    parts[phase].push(field);
  }
  return parts;
}

function weightsOf(textFields: string[], raw: unknown): Record<string, number> {
  const weights = new Map<string, number>(textFields.map((f) => [f, 1]));
  if (raw === "$**") weights.set("$**", 1);
  else if (isPlainObject(raw)) {
    for (const [field, weight] of Object.entries(raw)) {
      if (typeof weight !== "number") throw new MongoError(17283, "weight for text index needs numeric type");
      weights.set(field, weight);
    }
  } else if (raw !== undefined) throw new MongoError(17284, "text index option 'weights' must be an object");
  const out: Record<string, number> = {};
  for (const field of [...weights.keys()].sort()) {
    const weight = weights.get(field)!;
    if (!(weight > 0 && weight < MAX_WORD_WEIGHT)) throw new MongoError(16674, "score for word too high");
    if (field !== "$**") {
      if (field === "") throw new MongoError(17294, "weight cannot be on an empty field");
      for (const part of field.split(".")) {
        if (part === "") throw new MongoError(17291, "weight cannot have empty path component");
        if (part.startsWith("$")) throw new MongoError(17292, "weight cannot have path component with $ prefix");
      }
    }
    out[field] = weight;
  }
  return out;
}

function languageOption(raw: unknown): string {
  if (raw === undefined) return "english";
  if (typeof raw !== "string") throw new MongoError(17263, "default_language needs a string type");
  const canonical = canonicalLanguage(raw);
  if (!canonical) throw new MongoError(17264, `default_language is not valid`);
  runnableLanguage(canonical);
  return raw;
}

function overrideOption(raw: unknown): string {
  if (raw === undefined) return "language";
  if (typeof raw !== "string" || raw === "" || raw.startsWith("$") || raw.includes(".")) throw new MongoError(17136, "language_override is not valid");
  return raw;
}

/** The name mongod gives a text index: from the key as the client wrote it. */
export function defaultTextIndexName(key: Doc): string {
  return Object.entries(key).map(([field, dir]) => `${field}_${String(dir)}`).join("_");
}

/** Rewrites a createIndexes spec for a text index into mongod's stored form. */
export function normaliseTextSpec(raw: Doc, name: string): Doc {
  const key = raw.key as Record<string, unknown>;
  const { before, text, after, folded } = splitKey(key);
  if (raw.textIndexVersion !== undefined) {
    if (typeof raw.textIndexVersion !== "number") throw new MongoError(17293, "text index option 'textIndexVersion' must be a number");
    if (raw.textIndexVersion !== 3) throw new MongoError(115, `textIndexVersion ${raw.textIndexVersion} is not supported by the embedded development server (only 3)`);
  }
  if (raw.collation !== undefined) throw new MongoError(115, "a text index with a collation is not supported by the embedded development server");
  const foldedKey: Record<string, unknown> = {};
  for (const field of before) foldedKey[field] = key[field];
  foldedKey._fts = "text";
  foldedKey._ftsx = 1;
  for (const field of after) foldedKey[field] = key[field];
  const weights = weightsOf(folded ? [] : text, raw.weights);
  if (Object.keys(weights).length === 0) throw new MongoError(67, "text index must have at least one weighted field");
  const spec: Doc = { v: 2, key: foldedKey, name };
  for (const [option, value] of Object.entries(raw)) {
    if (!["key", "name", "v", "ns", "background", "weights", "default_language", "language_override", "textIndexVersion"].includes(option)) spec[option] = value;
  }
  return { ...spec, weights, default_language: languageOption(raw.default_language), language_override: overrideOption(raw.language_override), textIndexVersion: 3 };
}

/** What the text index needs from its stored spec. */
export interface TextSpec {
  prefix: string[];
  suffix: string[];
  weights: Record<string, number>;
  wildcard: boolean;
  defaultLanguage: string;
  languageOverride: string;
}

export function readTextSpec(spec: Doc): TextSpec {
  const key = spec.key as Record<string, unknown>;
  const fields = Object.keys(key);
  const at = fields.indexOf("_fts");
  const weights = { ...(spec.weights as Record<string, number>) };
  const wildcard = "$**" in weights;
  delete weights["$**"];
  return {
    prefix: fields.slice(0, at),
    suffix: fields.slice(at + 2),
    weights,
    wildcard,
    defaultLanguage: canonicalLanguage(String(spec.default_language ?? "english")) ?? "english",
    languageOverride: String(spec.language_override ?? "language"),
  };
}

const TEXT_OPTIONS = ["key", "weights", "default_language", "language_override", "partialFilterExpression", "sparse"];

/**
 * mongod keeps one text index per collection: true when `spec` is that index already (nothing to
 * do), an error when another text index exists.
 */
export function checkOneTextIndex(spec: Doc, existing: Doc[]): boolean {
  const text = existing.find((other) => isTextKey(other.key as Record<string, unknown>));
  if (!text) return false;
  const same = text.name === spec.name && TEXT_OPTIONS.every((option) => JSON.stringify(text[option]) === JSON.stringify(spec[option]));
  if (same) return true;
  throw new MongoError(85, `only one text index per collection allowed, found existing text index "${String(text.name)}"`);
}
