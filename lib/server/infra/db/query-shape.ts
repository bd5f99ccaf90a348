/**
 * Query shapes: one value per query, in the shape of the command the driver sends for it. A model
 * builds each of its queries with a shape builder and runs that shape with the runners below, and
 * lists the same builders (called with sample values) as its hot queries, so `npm run db:check`
 * (query-check.ts) always explains the query the code actually sends — there is no copy to drift.
 * Inside `inTransaction` (transaction.ts) every runner sends its command in that transaction.
 */
import "server-only";
import { ObjectId, type AggregationCursor, type Collection, type Document, type Filter, type FindCursor, type OptionalUnlessRequiredId, type UpdateFilter, type WithId, type WithoutId } from "mongodb";
import type { HotQuery, HotQueryShape } from "@/lib/server/infra/db/query-check";
import { transactionSession } from "@/lib/server/infra/db/transaction";

/** `{$meta: "textScore"}` sorts a `$text` query by relevance (models/search.ts). */
export type SortSpec = Record<string, 1 | -1 | { $meta: "textScore" }>;

export interface FindShape<T extends Document> {
  op: "find";
  filter: Filter<T>;
  sort?: SortSpec;
  projection?: Document;
  limit?: number;
  hint?: Document;
}
/** countDocuments(filter): the driver sends it as an `aggregate` ($match, then $group). */
export interface CountShape<T extends Document> {
  op: "count";
  filter: Filter<T>;
}
export interface AggregateShape {
  op: "aggregate";
  pipeline: Document[];
}
/** updateOne/updateMany; `update` without operators is a replacement (replaceOne). */
export interface UpdateShape<T extends Document> {
  op: "update";
  filter: Filter<T>;
  update: UpdateFilter<T>;
  multi?: boolean;
  upsert?: boolean;
}
export interface DeleteShape<T extends Document> {
  op: "delete";
  filter: Filter<T>;
  many: boolean;
}
/** findOneAndUpdate, or findOneAndDelete when `remove`. */
export interface ModifyShape<T extends Document> {
  op: "findAndModify";
  filter: Filter<T>;
  sort?: SortSpec;
  update?: UpdateFilter<T>;
  remove?: boolean;
  upsert?: boolean;
}

type Fields<S> = Omit<S, "op">;

/** Builders add the `op` tag, so a model writes only the parts of the query it decides. */
export const shape = {
  find: <T extends Document>(fields: Fields<FindShape<T>>): FindShape<T> => ({ op: "find", ...fields }),
  /** findOne sends a find with limit 1. */
  findOne: <T extends Document>(fields: Omit<Fields<FindShape<T>>, "limit">): FindShape<T> => ({ op: "find", ...fields, limit: 1 }),
  count: <T extends Document>(filter: Filter<T>): CountShape<T> => ({ op: "count", filter }),
  aggregate: (pipeline: Document[]): AggregateShape => ({ op: "aggregate", pipeline }),
  update: <T extends Document>(fields: Fields<UpdateShape<T>>): UpdateShape<T> => ({ op: "update", ...fields }),
  deleteOne: <T extends Document>(filter: Filter<T>): DeleteShape<T> => ({ op: "delete", filter, many: false }),
  deleteMany: <T extends Document>(filter: Filter<T>): DeleteShape<T> => ({ op: "delete", filter, many: true }),
  modify: <T extends Document>(fields: Fields<ModifyShape<T>>): ModifyShape<T> => ({ op: "findAndModify", ...fields }),
};

function findOptions(q: { sort?: SortSpec; projection?: Document; hint?: Document }): Document {
  return { ...(q.sort && { sort: q.sort }), ...(q.projection && { projection: q.projection }), ...(q.hint && { hint: q.hint }) };
}

/** Runs a find shape; the caller may still set cursor options that do not change the query (batchSize). */
export function findWith<T extends Document>(collection: Collection<T>, q: FindShape<T>, options: { batchSize?: number } = {}): FindCursor<WithId<T>> {
  return collection.find(q.filter, { ...findOptions(q), ...(q.limit && { limit: q.limit }), ...options, ...transactionSession() });
}

export function findOneWith<T extends Document>(collection: Collection<T>, q: FindShape<T>): Promise<WithId<T> | null> {
  return collection.findOne(q.filter, { ...findOptions(q), ...transactionSession() });
}

export function countWith<T extends Document>(collection: Collection<T>, q: CountShape<T>): Promise<number> {
  return collection.countDocuments(q.filter, transactionSession());
}

export function aggregateWith<R extends Document, T extends Document = Document>(collection: Collection<T>, q: AggregateShape): AggregationCursor<R> {
  return collection.aggregate<R>(q.pipeline, transactionSession());
}

/** updateOne/updateMany (per `multi`) with the shape's upsert; returns the driver's result. */
export function updateWith<T extends Document>(collection: Collection<T>, q: UpdateShape<T>) {
  const options = { upsert: q.upsert ?? false, ...transactionSession() };
  return q.multi ? collection.updateMany(q.filter, q.update, options) : collection.updateOne(q.filter, q.update, options);
}

/** replaceOne: an update shape whose `update` is the whole new document (no operators). */
export function replaceWith<T extends Document>(collection: Collection<T>, q: UpdateShape<T>) {
  return collection.replaceOne(q.filter, q.update as WithoutId<T>, { upsert: q.upsert ?? false, ...transactionSession() });
}

/** deleteOne/deleteMany (per `many`); returns how many documents went. */
export async function deleteWith<T extends Document>(collection: Collection<T>, q: DeleteShape<T>): Promise<number> {
  const session = transactionSession();
  const result = q.many ? await collection.deleteMany(q.filter, session) : await collection.deleteOne(q.filter, session);
  return result.deletedCount;
}

/** findOneAndUpdate (returning the document before or after), or findOneAndDelete when the shape removes. */
export function modifyWith<T extends Document>(collection: Collection<T>, q: ModifyShape<T>, returnDocument: "before" | "after" = "after"): Promise<WithId<T> | null> {
  const sort = { ...(q.sort ? { sort: q.sort } : {}), ...transactionSession() };
  if (q.remove) return collection.findOneAndDelete(q.filter, sort);
  return collection.findOneAndUpdate(q.filter, q.update ?? {}, { ...sort, upsert: q.upsert ?? false, returnDocument });
}

/** insertOne; an insert has no query to explain, so no shape — only the transaction to join. */
export async function insertOneWith<T extends Document>(collection: Collection<T>, doc: OptionalUnlessRequiredId<T>): Promise<void> {
  await collection.insertOne(doc, transactionSession());
}

/** insertMany, ordered: inside a transaction a refused document aborts the whole of it. */
export async function insertManyWith<T extends Document>(collection: Collection<T>, docs: OptionalUnlessRequiredId<T>[]): Promise<void> {
  if (docs.length > 0) await collection.insertMany(docs, { ordered: true, ...transactionSession() });
}

/** Sample values for hot queries: right BSON types, arbitrary contents (they need not exist). */
export function sampleId(n: number): ObjectId {
  return new ObjectId(n.toString(16).padStart(24, "0").replace(/^0{3}/, "64b"));
}
export const SAMPLE_OWNER = sampleId(1);
export const SAMPLE_DATE = new Date("2026-01-01T00:00:00Z");

/**
 * A model's hot queries for db:check: `{ what: ["functionName", builder(samples)] }` becomes
 * `<collection>.<what>`, run by `<file>#functionName`.
 */
export function hotQueriesOf(collection: string, file: string, entries: Record<string, readonly [runBy: string, query: HotQueryShape]>): HotQuery[] {
  return Object.entries(entries).map(([what, [runBy, query]]) => ({ ...query, name: `${collection}.${what}`, collection, runBy: `${file}#${runBy}` }));
}
