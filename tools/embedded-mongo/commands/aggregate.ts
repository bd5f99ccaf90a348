/**
 * aggregate: a leading $match/$sort/$skip/$limit prefix runs through the index-aware finder,
 * the rest through mingo ($lookup resolves collections of the same database).
 */
import { cloneValue, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { runPipeline } from "../mingo-context";
import { findDocuments, type FindSpec } from "../query";
import { execOptions, type CommandHandler } from "./context";
import { explainAggregate } from "./explain";
import { indexStatsDocuments } from "./index-stats";
import { splitPrefix } from "./pipeline-prefix";
import { dropTextScores, refuseLateText, withTextScores } from "../text/meta";
import { extractText } from "../text/text-filter";

const UNSUPPORTED_STAGES = new Set(["$out", "$merge", "$text", "$search", "$geoNear", "$currentOp", "$listSessions", "$listLocalSessions", "$collStats", "$planCacheStats"]);
/** Stages mingo runs without mutating its input documents. */
const NON_MUTATING = new Set(["$match", "$sort", "$skip", "$limit", "$count", "$group", "$sortByCount", "$project"]);

const aggregate: CommandHandler = (cmd, ctx) => {
  const target = cmd.aggregate;
  const pipeline = (cmd.pipeline ?? []) as Doc[];
  if (!Array.isArray(pipeline)) throw new MongoError(14, "'pipeline' option must be specified as an array");
  if (pipeline[0] !== undefined && "$changeStream" in pipeline[0]) return ctx.repl.streams.open(cmd, ctx);
  for (const [i, stage] of pipeline.entries()) {
    const name = Object.keys(stage)[0] ?? "";
    if ((name === "$indexStats" || name === "$changeStream") && i > 0) throw new MongoError(40602, `${name} is only valid as the first stage in a pipeline`);
    if (UNSUPPORTED_STAGES.has(name)) throw new MongoError(115, `${name} is not supported by the embedded development server`);
  }
  if (typeof target !== "string") throw new MongoError(115, "database-level aggregate ({aggregate: 1}) is not supported by the embedded development server");
  refuseLateText(pipeline);
  if (cmd.explain === true) return explainAggregate(cmd, ctx, "queryPlanner");
  const exec = execOptions({ collation: cmd.collation, let: cmd.let, uses: [pipeline] });
  const indexStats = pipeline[0] !== undefined && "$indexStats" in pipeline[0];
  const { spec, rest } = indexStats ? { spec: {} as FindSpec, rest: pipeline.slice(1) } : splitPrefix(pipeline);
  spec.exec = exec;
  spec.hint = cmd.hint;
  if (spec.filter && extractText(spec.filter)) spec.scores = new Map();
  let docs: Doc[] = indexStats ? indexStatsDocuments(ctx, target) : findDocuments(ctx.store.collection(ctx.db, target), spec);
  const text = withTextScores(docs, rest, spec.scores);
  docs = text.docs;
  if (rest.length) {
    const mutating = !text.scored && rest.some((stage) => !NON_MUTATING.has(Object.keys(stage)[0] ?? ""));
    if (mutating) docs = docs.map(cloneValue);
    const collectionResolver = (name: string): Doc[] => {
      const other = [...(ctx.store.collection(ctx.db, name)?.docs.values() ?? [])];
      return mutating ? other.map(cloneValue) : other;
    };
    docs = runPipeline(docs, text.rest, exec, { collectionResolver });
    if (text.scored) docs = dropTextScores(docs);
  }
  const batchSize = (cmd.cursor as Doc | undefined)?.batchSize as number | undefined;
  return ctx.cursors.open(`${ctx.db}.${target}`, docs, batchSize);
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
