/**
 * Reads the stage names out of an explain reply, whatever shape the server chose: classic
 * (`queryPlanner.winningPlan`), slot-based (`winningPlan.queryPlan`), an aggregation's
 * `stages[0].$cursor`, or a sharded cluster's `shards[]`. Used by `npm run db:check` and by the
 * explain conformance tests, so both read plans the same way on the embedded server and mongod.
 */
import "server-only";
import type { Document } from "mongodb";

/** Stages that read through an index (mongod 8 adds the EXPRESS_* fast paths). */
export const INDEX_STAGES = new Set(["IXSCAN", "IDHACK", "COUNT_SCAN", "DISTINCT_SCAN", "EXPRESS_IXSCAN", "EXPRESS_IDHACK", "EXPRESS_CLUSTERED_IXSCAN"]);

function isDocument(value: unknown): value is Document {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function collectStages(node: unknown, out: Document[]): void {
  if (!isDocument(node)) return;
  if (isDocument(node.queryPlan)) return collectStages(node.queryPlan, out);
  if (typeof node.stage === "string") out.push(node);
  collectStages(node.inputStage, out);
  if (Array.isArray(node.inputStages)) for (const child of node.inputStages) collectStages(child, out);
}

/** The winning plans of an explain reply (one per shard on a sharded cluster). */
export function winningPlans(explain: Document): Document[] {
  const planners: Document[] = [];
  if (isDocument(explain.queryPlanner)) planners.push(explain.queryPlanner);
  for (const stage of Array.isArray(explain.stages) ? explain.stages : []) {
    if (isDocument(stage) && isDocument(stage.$cursor) && isDocument(stage.$cursor.queryPlanner)) planners.push(stage.$cursor.queryPlanner);
  }
  return planners.flatMap((planner) => {
    const shards = isDocument(planner.winningPlan) && Array.isArray(planner.winningPlan.shards) ? planner.winningPlan.shards : [planner];
    return shards.filter(isDocument).map((shard) => (shard.winningPlan ?? shard) as Document);
  });
}

/** Every stage document of the winning plan(s), root first. */
export function planStages(explain: Document): Document[] {
  const out: Document[] = [];
  for (const plan of winningPlans(explain)) collectStages(plan, out);
  return out;
}

export function stageNames(explain: Document): string[] {
  return planStages(explain).map((stage) => stage.stage as string);
}

/** The index names the winning plan reads. */
export function indexesUsed(explain: Document): string[] {
  return planStages(explain)
    .filter((stage) => INDEX_STAGES.has(stage.stage as string))
    .map((stage) => (typeof stage.indexName === "string" ? stage.indexName : "_id_"));
}
