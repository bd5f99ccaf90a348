/** The admin `bulkWrite` command (MongoDB 8 client bulk write): mixed writes across namespaces. */
import { Long } from "bson";
import type { Doc } from "../doc-paths";
import { MongoError, toMongoError } from "../errors";
import { findDocuments } from "../query";
import type { CommandContext, CommandHandler } from "./context";
import { withId } from "./crud";
import { runUpdateStatement } from "./update";

interface Counts {
  nInserted: number;
  nMatched: number;
  nModified: number;
  nUpserted: number;
  nDeleted: number;
}

function splitNs(ns: string): { db: string; coll: string } {
  const dot = ns.indexOf(".");
  if (dot <= 0) throw new MongoError(73, `Invalid namespace specified '${ns}'`);
  return { db: ns.slice(0, dot), coll: ns.slice(dot + 1) };
}

function runOp(op: Doc, nsInfo: Doc[], ctx: CommandContext, counts: Counts, bypass: boolean): Doc {
  const kind = ["insert", "update", "delete"].find((k) => op[k] !== undefined);
  if (!kind) throw new MongoError(9, `Unrecognized bulkWrite operation: ${Object.keys(op)[0]}`);
  const info = nsInfo[op[kind] as number];
  if (!info) throw new MongoError(2, `bulkWrite operation refers to a missing nsInfo entry ${String(op[kind])}`);
  const { db, coll } = splitNs(info.ns as string);
  const sub: CommandContext = { ...ctx, db };
  if (kind === "insert") {
    const doc = withId(op.document as Doc);
    sub.store.ensureCollection(db, coll).insert(doc, bypass);
    counts.nInserted += 1;
    return { n: 1 };
  }
  if (kind === "update") {
    const result = runUpdateStatement(sub, coll, {
      q: op.filter as Doc,
      u: op.updateMods as Doc,
      multi: op.multi === true,
      upsert: op.upsert === true,
      arrayFilters: op.arrayFilters as Doc[] | undefined,
      sort: op.sort as Doc | undefined,
    }, bypass);
    counts.nMatched += result.matched;
    counts.nModified += result.modified;
    if (result.upsertedId !== undefined) {
      counts.nUpserted += 1;
      return { n: 1, nModified: 0, upserted: { _id: result.upsertedId } };
    }
    return { n: result.matched, nModified: result.modified };
  }
  const target = sub.store.collection(db, coll);
  const docs = findDocuments(target, { filter: (op.filter ?? {}) as Doc, limit: op.multi === true ? 0 : 1 });
  for (const doc of docs) target!.remove(doc);
  counts.nDeleted += docs.length;
  return { n: docs.length };
}

const bulkWrite: CommandHandler = (cmd, ctx) => {
  const ops = (cmd.ops ?? []) as Doc[];
  const nsInfo = (cmd.nsInfo ?? []) as Doc[];
  const ordered = cmd.ordered !== false;
  const errorsOnly = cmd.errorsOnly === true;
  const counts: Counts = { nInserted: 0, nMatched: 0, nModified: 0, nUpserted: 0, nDeleted: 0 };
  const results: Doc[] = [];
  let nErrors = 0;
  for (let idx = 0; idx < ops.length; idx += 1) {
    try {
      const result = runOp(ops[idx]!, nsInfo, ctx, counts, cmd.bypassDocumentValidation === true);
      if (!errorsOnly) results.push({ ok: 1, idx, ...result });
    } catch (error) {
      const e = toMongoError(error);
      nErrors += 1;
      results.push({ ok: 0, idx, code: e.code, codeName: e.codeName, errmsg: e.message, ...e.extra, n: 0 });
      if (ordered) break;
    }
  }
  return {
    cursor: { id: Long.fromNumber(0), firstBatch: results, ns: "admin.$cmd.bulkWrite" },
    nErrors,
    ...counts,
    ok: 1,
  };
};

export const bulkWriteCommands: Record<string, CommandHandler> = { bulkWrite };
