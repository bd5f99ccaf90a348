/**
 * `{$meta: "textScore"}` outside the finder: in find projections, and in the aggregation stages
 * after a leading `$text` `$match` (mingo has no text metadata, so the score rides along in a
 * hidden field the rewritten stages read, removed from the output).
 */
import { cloneValue, isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { ExecOptions } from "../mingo-context";
import { projector } from "../projection";
import { textScoreUnavailable } from "../query";
import { extractText } from "./text-filter";

const HIDDEN = "__embeddedTextScore";

function isTextScore(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && value.$meta === "textScore";
}

/** A find projection that may name `{$meta: "textScore"}` fields (added after the others). */
export function textAwareProjector(projection: Doc | undefined, filter: Doc | undefined, exec: ExecOptions | undefined, command: string | undefined, scores: Map<Doc, number> | undefined): ((doc: Doc) => Doc) | undefined {
  const plainFilter = filter ? (extractText(filter)?.rest ?? filter) : undefined;
  const metaFields = Object.entries(projection ?? {}).filter(([, v]) => isTextScore(v)).map(([field]) => field);
  if (metaFields.length === 0) return projector(projection, plainFilter, exec, command);
  if (!scores || !filter || !extractText(filter)) throw textScoreUnavailable();
  const plain = Object.fromEntries(Object.entries(projection!).filter(([field]) => !metaFields.includes(field)));
  const base = projector(plain, plainFilter, exec, command);
  return (doc) => {
    const out = base ? base(doc) : { ...doc };
    for (const field of metaFields) out[field] = scores.get(doc) ?? 0;
    return out;
  };
}

function usesTextScore(value: unknown): boolean {
  if (isTextScore(value)) return true;
  if (Array.isArray(value)) return value.some(usesTextScore);
  return isPlainObject(value) && Object.values(value).some(usesTextScore);
}

function rewrite(value: unknown): unknown {
  if (isTextScore(value)) return `$${HIDDEN}`;
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
}

function rewriteStage(stage: Doc): Doc {
  const [name, body] = Object.entries(stage)[0] ?? ["", undefined];
  if (name === "$sort" && isPlainObject(body)) {
    return { $sort: Object.fromEntries(Object.entries(body).map(([field, dir]) => (isTextScore(dir) ? [HIDDEN, -1] : [field, dir]))) };
  }
  if (name === "$lookup" || name === "$unionWith" || name === "$facet") return stage;
  return rewrite(stage) as Doc;
}

/** mongod allows `$text` only in the pipeline's first `$match`. */
export function refuseLateText(pipeline: Doc[]): void {
  pipeline.forEach((stage, i) => {
    if (i > 0 && isPlainObject(stage.$match) && extractText(stage.$match as Doc)) {
      throw new MongoError(17313, "$match with $text is only allowed as the first pipeline stage");
    }
  });
}

/**
 * The documents and remaining stages with text scores made readable by mingo, or unchanged when
 * no stage asks for them; `scores` is undefined when the pipeline did not start with `$text`.
 */
export function withTextScores(docs: Doc[], rest: Doc[], scores: Map<Doc, number> | undefined): { docs: Doc[]; rest: Doc[]; scored: boolean } {
  if (!usesTextScore(rest)) return { docs, rest, scored: false };
  if (!scores) throw textScoreUnavailable();
  const carried = docs.map((doc) => ({ ...cloneValue(doc), [HIDDEN]: scores.get(doc) ?? 0 }));
  return { docs: carried, rest: rest.map(rewriteStage), scored: true };
}

/** Removes the hidden score field from a pipeline's output. */
export function dropTextScores(docs: Doc[]): Doc[] {
  for (const doc of docs) delete doc[HIDDEN];
  return docs;
}
