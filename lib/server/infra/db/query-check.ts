/**
 * The engine of `npm run db:check`: explains each hot query (each model's, gathered in
 * models/index.ts; built by the same shape builders the model runs, query-shape.ts) on a database
 * and says what is wrong with its plan — a collection scan, an in-memory sort, or a collection
 * that does not exist — and reads index usage from `$indexStats`. Works the same on the embedded
 * server and on mongod (plan-stages.ts reads either's explain shape).
 */
import "server-only";
import type { Db, Document } from "mongodb";
import { indexesUsed, stageNames } from "@/lib/server/infra/db/plan-stages";

/** One query, in the shape of the command the driver sends for it. */
export type HotQueryShape =
  | { op: "find"; filter: Document; sort?: Document; projection?: Document; limit?: number; hint?: Document }
  /** countDocuments(filter): the driver sends `aggregate` with the pipeline countPipeline builds. */
  | { op: "count"; filter: Document }
  | { op: "aggregate"; pipeline: Document[] }
  | { op: "update"; filter: Document; update: Document; multi?: boolean; upsert?: boolean }
  | { op: "delete"; filter: Document; many: boolean }
  | { op: "findAndModify"; filter: Document; sort?: Document; update?: Document; remove?: boolean; upsert?: boolean };

export type HotQuery = HotQueryShape & {
  /** `<collection>.<what it does>`, unique, shown in the report. */
  name: string;
  collection: string;
  /** The function that runs this query: `models/messages.ts#listRecentMessages`. */
  runBy: string;
};

export interface QueryVerdict {
  query: HotQuery;
  stages: string[];
  indexes: string[];
  /** Empty when the query is served by an index without an in-memory sort. */
  problems: string[];
  keysExamined: number;
  docsExamined: number;
}

export interface IndexUsage {
  collection: string;
  name: string;
  key: Document;
  ops: number;
  since: Date | null;
}

/** What the driver's countDocuments sends for `filter`. */
export function countPipeline(filter: Document): Document[] {
  return [{ $match: filter }, { $group: { _id: 1, n: { $sum: 1 } } }];
}

/** The explain command the driver would send for the query. */
export function explainCommand(query: HotQuery): Document {
  const coll = query.collection;
  switch (query.op) {
    case "find":
      return { find: coll, filter: query.filter, ...(query.sort && { sort: query.sort }), ...(query.projection && { projection: query.projection }), ...(query.limit && { limit: query.limit }), ...(query.hint && { hint: query.hint }) };
    case "count":
      return { aggregate: coll, pipeline: countPipeline(query.filter), cursor: {} };
    case "aggregate":
      return { aggregate: coll, pipeline: query.pipeline, cursor: {} };
    case "update":
      return { update: coll, updates: [{ q: query.filter, u: query.update, multi: query.multi ?? false, upsert: query.upsert ?? false }] };
    case "delete":
      return { delete: coll, deletes: [{ q: query.filter, limit: query.many ? 0 : 1 }] };
    case "findAndModify":
      return {
        findAndModify: coll,
        query: query.filter,
        ...(query.sort && { sort: query.sort }),
        ...(query.remove ? { remove: true } : { update: query.update, upsert: query.upsert ?? false }),
      };
  }
}

function totals(explain: Document): { keys: number; docs: number } {
  const stats = (explain.executionStats ?? explain.stages?.[0]?.$cursor?.executionStats) as Document | undefined;
  return { keys: Number(stats?.totalKeysExamined ?? 0), docs: Number(stats?.totalDocsExamined ?? 0) };
}

export function problemsOf(stages: readonly string[]): string[] {
  const problems: string[] = [];
  if (stages.includes("COLLSCAN")) problems.push("collection scan (COLLSCAN): no index serves this filter");
  // A $text query is ranked by textScore, which only an in-memory sort can give (on mongod too).
  if (stages.includes("SORT") && !stages.includes("TEXT_MATCH")) problems.push("in-memory sort (SORT): no index gives this order after the filter's equalities");
  if (stages.includes("EOF")) problems.push("the collection does not exist: ensure the models first (npm run db:check -- --ensure)");
  if (stages.length === 0) problems.push("the server's explain reply has no winning plan");
  return problems;
}

export async function checkQuery(db: Db, query: HotQuery): Promise<QueryVerdict> {
  const explain = await db.command({ explain: explainCommand(query), verbosity: "executionStats" });
  const stages = stageNames(explain);
  const { keys, docs } = totals(explain);
  return { query, stages, indexes: indexesUsed(explain), problems: problemsOf(stages), keysExamined: keys, docsExamined: docs };
}

export async function checkQueries(db: Db, queries: readonly HotQuery[]): Promise<QueryVerdict[]> {
  const verdicts: QueryVerdict[] = [];
  for (const query of queries) verdicts.push(await checkQuery(db, query));
  return verdicts;
}

/** $indexStats of each collection (a missing collection has no indexes). */
export async function indexUsage(db: Db, collections: readonly string[]): Promise<IndexUsage[]> {
  const rows: IndexUsage[] = [];
  for (const collection of collections) {
    const stats = await db.collection(collection).aggregate([{ $indexStats: {} }, { $sort: { name: 1 } }]).toArray();
    for (const row of stats) {
      rows.push({ collection, name: String(row.name), key: row.key as Document, ops: Number(row.accesses?.ops ?? 0), since: row.accesses?.since instanceof Date ? row.accesses.since : null });
    }
  }
  return rows;
}
