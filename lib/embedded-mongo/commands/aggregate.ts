/**
 * aggregate: a leading $match/$sort/$skip/$limit prefix runs through the index-aware finder,
 * the rest through mingo ($lookup resolves collections of the same database).
 */
import { cloneValue, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { runPipeline } from "../mingo-context";
import { findDocuments, type FindSpec } from "../query";
import { execOptions, type CommandHandler } from "./context";

const UNSUPPORTED_STAGES = new Set(["$out", "$merge", "$text", "$search", "$geoNear", "$changeStream", "$currentOp", "$listSessions", "$listLocalSessions", "$collStats", "$indexStats", "$planCacheStats"]);
/** Stages mingo runs without mutating its input documents. */
const NON_MUTATING = new Set(["$match", "$sort", "$skip", "$limit", "$count", "$group", "$sortByCount", "$project"]);

function splitPrefix(pipeline: Doc[]): { spec: FindSpec; rest: Doc[] } {
  const spec: FindSpec = {};
  let i = 0;
  if (pipeline[i]?.$match) spec.filter = pipeline[i++]!.$match as Doc;
  if (pipeline[i]?.$sort) spec.sort = pipeline[i++]!.$sort as Doc;
  if (typeof pipeline[i]?.$skip === "number") spec.skip = pipeline[i++]!.$skip as number;
  if (typeof pipeline[i]?.$limit === "number") spec.limit = pipeline[i++]!.$limit as number;
  return { spec, rest: pipeline.slice(i) };
}

const aggregate: CommandHandler = (cmd, ctx) => {
  const target = cmd.aggregate;
  const pipeline = (cmd.pipeline ?? []) as Doc[];
  if (!Array.isArray(pipeline)) throw new MongoError(14, "'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? "";
    if (UNSUPPORTED_STAGES.has(name)) throw new MongoError(115, `${name} is not supported by the embedded development server`);
  }
  if (typeof target !== "string") throw new MongoError(115, "database-level aggregate ({aggregate: 1}) is not supported by the embedded development server");
  if (cmd.explain === true) return { explainVersion: "1", stages: pipeline, ok: 1 };
  const exec = execOptions({ collation: cmd.collation, let: cmd.let, uses: [pipeline] });
  const { spec, rest } = splitPrefix(pipeline);
  spec.exec = exec;
  spec.hint = cmd.hint;
  const coll = ctx.store.collection(ctx.db, target);
  let docs: Doc[] = findDocuments(coll, spec);
  if (rest.length) {
    const mutating = rest.some((stage) => !NON_MUTATING.has(Object.keys(stage)[0] ?? ""));
    if (mutating) docs = docs.map(cloneValue);
    const collectionResolver = (name: string): Doc[] => {
      const other = [...(ctx.store.collection(ctx.db, name)?.docs.values() ?? [])];
      return mutating ? other.map(cloneValue) : other;
    };
    docs = runPipeline(docs, rest, exec, { collectionResolver });
  }
  const batchSize = (cmd.cursor as Doc | undefined)?.batchSize as number | undefined;
  return ctx.cursors.open(`${ctx.db}.${target}`, docs, batchSize);
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
