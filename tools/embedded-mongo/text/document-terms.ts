/**
 * What a text index keeps for one document: each term's score, summed over the weighted fields
 * (mongod's FTSSpec::scoreDocument / _scoreStringV2: a term's repeats count 1 + 1/2 + 1/4 ...,
 * scaled by (0.5 * count / tokens + 0.5) and the field's weight, plus 10 % when the term is the
 * whole field). Also the per-field strings, for phrase and case-sensitive matching.
 */
import { isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { canonicalLanguage, runnableLanguage, type TextLanguage } from "./languages";
import type { TextSpec } from "./text-spec";
import { INDEX_TOKENS, terms } from "./tokenize";

export interface FieldText {
  text: string;
  weight: number;
  language: TextLanguage;
}

/** A document's (or embedded document's) language: its override field, else the inherited one. */
function languageOf(doc: Doc, spec: TextSpec, inherited: TextLanguage): TextLanguage {
  const value = doc[spec.languageOverride];
  if (value === undefined) return inherited;
  if (typeof value !== "string") throw new MongoError(17261, "found language override field in document with non-string type");
  const canonical = canonicalLanguage(value);
  if (!canonical) throw new MongoError(17262, `language override unsupported: ${value}`);
  return runnableLanguage(canonical);
}

function weightFor(spec: TextSpec, path: string): number | undefined {
  return spec.weights[path] ?? (spec.wildcard ? 1 : undefined);
}

function leadsToWeight(spec: TextSpec, path: string): boolean {
  if (spec.wildcard) return true;
  const dotted = `${path}.`;
  return Object.keys(spec.weights).some((field) => field === path || field.startsWith(dotted));
}

function visit(value: unknown, path: string, language: TextLanguage, spec: TextSpec, out: FieldText[]): void {
  if (typeof value === "string") {
    const weight = weightFor(spec, path);
    if (weight !== undefined) out.push({ text: value, weight, language });
  } else if (Array.isArray(value)) {
    for (const item of value) visit(item, path, language, spec, out);
  } else if (isPlainObject(value)) {
    const inner = path === "" ? language : languageOf(value, spec, language);
    for (const [key, child] of Object.entries(value)) {
      const childPath = path === "" ? key : `${path}.${key}`;
      if (leadsToWeight(spec, childPath)) visit(child, childPath, inner, spec, out);
    }
  }
}

/** The indexed strings of a document with their weights and languages (throws on a bad language). */
export function fieldTexts(doc: Doc, spec: TextSpec): FieldText[] {
  const language = languageOf(doc, spec, runnableLanguage(spec.defaultLanguage));
  const out: FieldText[] = [];
  visit(doc, "", language, spec, out);
  return out;
}

function scoreString(field: FieldText, scores: Map<string, number>): void {
  const counts = new Map<string, { count: number; freq: number; exp: number }>();
  const list = terms(field.text, INDEX_TOKENS(field.language));
  for (const term of list) {
    const data = counts.get(term);
    if (!data) counts.set(term, { count: 1, freq: 1, exp: 1 });
    else {
      data.exp *= 2;
      data.count += 1;
      data.freq += 1 / data.exp;
    }
  }
  for (const [term, data] of counts) {
    const coeff = (0.5 * data.count) / list.length + 0.5;
    const adjustment = field.text.length === term.length && field.text.toLowerCase() === term ? 1.1 : 1;
    scores.set(term, (scores.get(term) ?? 0) + field.weight * data.freq * coeff * adjustment);
  }
}

/** Each term of the document with its score. */
export function documentTermScores(fields: FieldText[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const field of fields) scoreString(field, scores);
  return scores;
}
