/**
 * Builds mongod's classic-engine plan tree (COLLSCAN / IXSCAN / IDHACK / FETCH / SORT / SKIP /
 * LIMIT / PROJECTION_*) for one find, from what the embedded planner really did: the query runs
 * through findDocuments with a PlanTrace, so the index named is the one used and the counts are
 * counted, not estimated. Index bounds are exact for the index's first field; later fields are
 * shown unbounded (the embedded index filters them while walking one first-field bucket).
 */
import { performance } from "node:perf_hooks";
import type { Collection } from "../collection";
import { isPlainObject, type Doc } from "../doc-paths";
import { formatValue } from "../format";
import type { Index } from "../indexes";
import { textAwareProjector } from "../text/meta";
import { textStages } from "../text/text-explain";
import { findDocuments, type FindSpec, type PlanTrace } from "../query";
import { sortFields } from "../sort";

export type Verbosity = "queryPlanner" | "executionStats" | "allPlansExecution";

export interface FindPlanInput extends FindSpec {
  projection?: Doc;
}

export interface ExplainedFind {
  winningPlan: Doc;
  /** The same tree with per-stage counts (executionStats.executionStages). */
  executionStages: Doc;
  docs: Doc[];
  trace: PlanTrace;
  millis: number;
}

/** mongod's interval strings: `[5, 5]`, `[MinKey, MaxKey]`. */
function pointBounds(values: unknown[]): string[] {
  return values.map((v) => `[${formatValue(v)}, ${formatValue(v)}]`);
}

function ixscan(index: Index, bounds: unknown[], direction: number): Doc {
  const indexBounds: Doc = {};
  index.fields.forEach((field, i) => {
    const forward = index.dirs[i]! * direction > 0;
    indexBounds[field] = i === 0 ? pointBounds(bounds) : [forward ? "[MinKey, MaxKey]" : "[MaxKey, MinKey]"];
  });
  return {
    stage: "IXSCAN",
    keyPattern: index.spec.key,
    indexName: index.spec.name,
    isMultiKey: index.multikey,
    multiKeyPaths: Object.fromEntries(index.fields.map((f) => [f, index.multikey ? [f] : []])),
    isUnique: index.unique,
    isSparse: index.spec.sparse === true,
    isPartial: index.spec.partialFilterExpression !== undefined,
    indexVersion: index.spec.v ?? 2,
    direction: direction < 0 ? "backward" : "forward",
    indexBounds,
  };
}

/** The predicates the index did not answer (mongod shows them as the FETCH stage's filter). */
function residualFilter(filter: Doc, index: Index): Doc {
  const first = index.fields[0]!;
  const rest = { ...filter };
  const bound = rest[first];
  if (bound !== undefined && !isPlainObject(bound) && !Array.isArray(bound) && !(bound instanceof RegExp)) delete rest[first];
  return rest;
}

function isSimpleProjection(projection: Doc): boolean {
  return Object.entries(projection).every(([field, v]) => !field.includes(".") && (v === 0 || v === 1 || v === true || v === false));
}

/** Wraps `input` in a parent stage, with the execution counters only in the stats tree. */
function wrap(plan: Doc, stats: Doc, parent: Doc, nReturned: number): [Doc, Doc] {
  return [
    { ...parent, inputStage: plan },
    { ...parent, nReturned, executionTimeMillisEstimate: 0, inputStage: stats },
  ];
}

function leafStages(filter: Doc, trace: PlanTrace): [Doc, Doc] {
  const index = trace.index;
  const produced = trace.docsExamined;
  if (trace.text) return textStages(trace.text, trace.matched);
  if (trace.branches) {
    const scans = trace.branches.map((branch) => ixscan(branch.index, branch.bounds, 1));
    const or: Doc = { stage: "OR", inputStages: scans };
    const orStats = { ...or, nReturned: produced, executionTimeMillisEstimate: 0, inputStages: scans.map((scan) => ({ ...scan, executionTimeMillisEstimate: 0 })) };
    const [plan, stats] = wrap(or, orStats, { stage: "FETCH", filter }, trace.matched);
    stats.docsExamined = trace.docsExamined;
    return [plan, stats];
  }
  if (!index) {
    const scan: Doc = { stage: "COLLSCAN", ...(Object.keys(filter).length ? { filter } : {}), direction: "forward" };
    return [scan, { ...scan, nReturned: trace.matched, executionTimeMillisEstimate: 0, docsExamined: trace.docsExamined }];
  }
  if (index.isId && trace.exact) {
    const hack: Doc = { stage: "IDHACK" };
    return [hack, { ...hack, nReturned: trace.matched, executionTimeMillisEstimate: 0, keysExamined: trace.keysExamined, docsExamined: trace.docsExamined }];
  }
  const scan = ixscan(index, trace.bounds ?? [], trace.direction ?? 1);
  const scanStats = { ...scan, nReturned: produced, executionTimeMillisEstimate: 0, keysExamined: trace.keysExamined };
  const residual = trace.exact ? {} : residualFilter(filter, index);
  const fetch: Doc = { stage: "FETCH", ...(Object.keys(residual).length ? { filter: residual } : {}) };
  const [plan, stats] = wrap(scan, scanStats, fetch, trace.matched);
  stats.docsExamined = trace.docsExamined;
  return [plan, stats];
}

/** Runs one find through the embedded planner and describes it as mongod would. */
export function explainFind(coll: Collection | undefined, input: FindPlanInput, verbosity: Verbosity): ExplainedFind {
  const trace: PlanTrace = { countAccess: verbosity !== "queryPlanner", keysExamined: 0, docsExamined: 0, matched: 0 };
  const started = performance.now();
  const scores = new Map<Doc, number>();
  const found = findDocuments(coll, { ...input, scores }, trace);
  const project = textAwareProjector(input.projection, input.filter ?? {}, undefined, undefined, scores);
  const docs = project ? found.map(project) : found;
  const millis = Math.round(performance.now() - started);
  if (!coll) {
    const eof = { stage: "EOF" };
    return { winningPlan: eof, executionStages: { ...eof, nReturned: 0, executionTimeMillisEstimate: 0 }, docs, trace, millis };
  }
  const filter = input.filter ?? {};
  const skip = Math.max(0, input.skip ?? 0);
  const limit = Math.abs(input.limit ?? 0);
  let [plan, stats] = leafStages(filter, trace);
  const sort = sortFields(input.sort);
  if (sort.length && !trace.sorted) {
    const sortStage: Doc = { stage: "SORT", sortPattern: input.sort, memLimit: 104_857_600, ...(limit ? { limitAmount: skip + limit } : {}), type: "simple" };
    [plan, stats] = wrap(plan, stats, sortStage, limit ? Math.min(trace.matched, skip + limit) : trace.matched);
    if (skip) [plan, stats] = wrap(plan, stats, { stage: "SKIP", skipAmount: skip }, docs.length);
  } else {
    if (skip) [plan, stats] = wrap(plan, stats, { stage: "SKIP", skipAmount: skip }, docs.length);
    if (limit) [plan, stats] = wrap(plan, stats, { stage: "LIMIT", limitAmount: limit }, docs.length);
  }
  if (input.projection && Object.keys(input.projection).length) {
    const stage = isSimpleProjection(input.projection) ? "PROJECTION_SIMPLE" : "PROJECTION_DEFAULT";
    [plan, stats] = wrap(plan, stats, { stage, transformBy: input.projection }, docs.length);
  }
  return { winningPlan: plan, executionStages: stats, docs, trace, millis };
}

/**
 * Puts a write stage (UPDATE / DELETE / COUNT) on top of a read plan. A single-document write
 * stops after one match inside the write stage, so mongod shows no LIMIT under it.
 */
export function withRootStage(explained: ExplainedFind, root: Doc, counters: Doc): ExplainedFind {
  const unlimited = (stage: Doc): Doc => (stage.stage === "LIMIT" ? (stage.inputStage as Doc) : stage);
  return {
    ...explained,
    winningPlan: { ...root, inputStage: unlimited(explained.winningPlan) },
    executionStages: { ...root, ...counters, nReturned: 0, executionTimeMillisEstimate: explained.millis, inputStage: unlimited(explained.executionStages) },
  };
}

export function queryPlanner(ns: string, filter: Doc, explained: ExplainedFind): Doc {
  return {
    namespace: ns,
    indexFilterSet: false,
    parsedQuery: filter,
    maxIndexedOrSolutionsReached: false,
    maxIndexedAndSolutionsReached: false,
    maxScansToExplodeReached: false,
    winningPlan: explained.winningPlan,
    rejectedPlans: [],
  };
}

export function executionStats(explained: ExplainedFind, nReturned: number, verbosity: Verbosity): Doc {
  return {
    executionSuccess: true,
    nReturned,
    executionTimeMillis: explained.millis,
    totalKeysExamined: explained.trace.keysExamined,
    totalDocsExamined: explained.trace.docsExamined,
    executionStages: explained.executionStages,
    ...(verbosity === "allPlansExecution" ? { allPlansExecution: [] } : {}),
  };
}
