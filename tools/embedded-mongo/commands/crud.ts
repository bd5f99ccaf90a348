/** insert, find, getMore, killCursors, count, distinct, delete. */
import { ObjectId } from "bson";
import { compareValues, encodeValue } from "../bson-order";
import { pathValues, type Doc } from "../doc-paths";
import { MongoError, toMongoError } from "../errors";
import { textAwareProjector } from "../text/meta";
import { findDocuments, matcher } from "../query";
import { asNumber, collectionName, execOptions, refuseUnknownField, type CommandHandler } from "./context";

/** mongod's writeErrors entry for a failed write at `index`. */
export function writeError(index: number, error: unknown): Doc {
  const e = toMongoError(error);
  return { index, code: e.code, codeName: e.codeName, errmsg: e.message, ...e.extra };
}

/** `_id` first, generated when missing (as mongod stores it). */
export function withId(doc: Doc): Doc {
  if (doc._id !== undefined && Object.keys(doc)[0] === "_id") return doc;
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

const insert: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "insert");
  const docs = (cmd.documents ?? []) as Doc[];
  const ordered = cmd.ordered !== false;
  const coll = ctx.store.ensureCollection(ctx.db, name);
  const writeErrors: Doc[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i += 1) {
    try {
      coll.insert(withId(docs[i]!), cmd.bypassDocumentValidation === true);
      n += 1;
    } catch (error) {
      writeErrors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

const find: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "find");
  const limit = asNumber(cmd.limit, 0);
  const filter = (cmd.filter ?? {}) as Doc;
  const exec = execOptions({ collation: cmd.collation, let: cmd.let, uses: [filter, cmd.projection] });
  const scores = new Map<Doc, number>();
  const docs = findDocuments(ctx.store.collection(ctx.db, name), {
    scores,
    filter,
    sort: cmd.sort as Doc | undefined,
    skip: asNumber(cmd.skip, 0),
    limit,
    exec,
    hint: cmd.hint,
  });
  const project = textAwareProjector(cmd.projection as Doc | undefined, filter, exec, "find", scores);
  const out = project ? docs.map(project) : docs;
  const batchSize = cmd.batchSize === undefined ? undefined : asNumber(cmd.batchSize, 101);
  return ctx.cursors.open(`${ctx.db}.${name}`, out, batchSize, cmd.singleBatch === true || limit < 0);
};

const getMore: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "collection");
  const batchSize = cmd.batchSize === undefined ? undefined : asNumber(cmd.batchSize, 0);
  return ctx.cursors.getMore(cmd.getMore, `${ctx.db}.${name}`, batchSize);
};

const killCursors: CommandHandler = (cmd, ctx) => {
  const { killed, notFound } = ctx.cursors.kill((cmd.cursors ?? []) as unknown[]);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const count: CommandHandler = (cmd, ctx) => {
  const coll = ctx.store.collection(ctx.db, collectionName(cmd, "count"));
  const query = (cmd.query ?? {}) as Doc;
  const skip = asNumber(cmd.skip, 0);
  const limit = Math.abs(asNumber(cmd.limit, 0));
  const exec = execOptions({ collation: cmd.collation, uses: [query] });
  if (!coll) return { n: 0, ok: 1 };
  let n = Object.keys(query).length === 0 && cmd.hint === undefined ? coll.docs.size : findDocuments(coll, { filter: query, exec, hint: cmd.hint }).length;
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: CommandHandler = (cmd, ctx) => {
  const coll = ctx.store.collection(ctx.db, collectionName(cmd, "distinct"));
  const key = cmd.key;
  if (typeof key !== "string") throw new MongoError(14, "\"key\" had the wrong type. Expected string");
  const filter = (cmd.query ?? {}) as Doc;
  const exec = execOptions({ collation: cmd.collation, uses: [filter] });
  const seen = new Map<string, unknown>();
  for (const doc of findDocuments(coll, { filter, exec })) {
    for (const value of pathValues(doc, key).values) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v === undefined) continue;
        const k = encodeValue(v);
        if (!seen.has(k)) seen.set(k, v);
      }
    }
  }
  const compare = exec.collation?.compare ?? compareValues;
  const sorted = [...seen.values()].sort(compare);
  // Under a collation, values it holds equal ("a", "A" at strength 2) are one distinct value.
  const values = sorted.filter((v, i) => i === 0 || compare(sorted[i - 1], v) !== 0);
  return { values, ok: 1 };
};

const remove: CommandHandler = (cmd, ctx) => {
  const coll = ctx.store.collection(ctx.db, collectionName(cmd, "delete"));
  const ordered = cmd.ordered !== false;
  const writeErrors: Doc[] = [];
  let n = 0;
  const statements = (cmd.deletes ?? []) as Doc[];
  for (let i = 0; i < statements.length; i += 1) {
    const statement = statements[i]!;
    try {
      refuseUnknownField(statement.sort, "delete.deletes.sort");
      const filter = (statement.q ?? {}) as Doc;
      const exec = execOptions({ collation: statement.collation, let: cmd.let, uses: [filter] });
      matcher(filter, exec); // surfaces a bad filter as an error even on an empty collection
      if (!coll) continue;
      const limit = asNumber(statement.limit, 0) === 1 ? 1 : 0;
      for (const doc of findDocuments(coll, { filter, limit, exec, hint: statement.hint })) {
        coll.remove(doc);
        n += 1;
      }
    } catch (error) {
      writeErrors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

export const crudCommands: Record<string, CommandHandler> = {
  insert,
  find,
  getMore,
  killCursors,
  count,
  distinct,
  delete: remove,
};
