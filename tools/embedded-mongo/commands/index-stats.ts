/**
 * The `$indexStats` stage: one document per index with mongod's fields. `accesses.ops` counts the
 * finds, updates, deletes and aggregations whose plan walked the index (query.ts records them).
 */
import { hostname } from "node:os";
import { Long } from "bson";
import type { Doc } from "../doc-paths";
import type { CommandContext } from "./context";

export function indexStatsDocuments(ctx: CommandContext, collection: string): Doc[] {
  const coll = ctx.store.collection(ctx.db, collection);
  if (!coll) return [];
  return [...coll.indexes.values()].map((index) => ({
    name: index.spec.name,
    key: index.spec.key,
    host: hostname(),
    accesses: { ops: Long.fromNumber(index.accesses.ops), since: index.accesses.since },
    spec: index.spec,
  }));
}
