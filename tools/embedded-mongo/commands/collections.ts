/** create, drop, dropDatabase, listCollections, listDatabases, collMod. */
import { calculateObjectSize } from "bson";
import type { Doc } from "../doc-paths";
import { parseCollation } from "../collation";
import { MongoError } from "../errors";
import { createQuery } from "../mingo-context";
import type { IndexSpec } from "../indexes";
import { collectionName, type CommandHandler } from "./context";

/** Fields of a command that are protocol envelope, not collection options. */
const ENVELOPE = new Set(["lsid", "$db", "$clusterTime", "txnNumber", "writeConcern", "readConcern", "apiVersion", "apiStrict", "apiDeprecationErrors", "comment", "$readPreference", "maxTimeMS"]);

const UNSUPPORTED_CREATE = ["viewOn", "timeseries", "clusteredIndex", "capped"];

const create: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "create");
  for (const option of UNSUPPORTED_CREATE) {
    if (cmd[option] !== undefined && cmd[option] !== false) {
      throw new MongoError(115, `create with '${option}' is not supported by the embedded development server`);
    }
  }
  // A collection default collation would apply to its _id index and every operation: not built.
  if (parseCollation(cmd.collation)) throw new MongoError(115, "create with a default 'collation' is not supported by the embedded development server");
  if (ctx.store.collection(ctx.db, name)) throw new MongoError(48, `Collection ${ctx.db}.${name} already exists.`);
  const options: Doc = {};
  for (const [key, value] of Object.entries(cmd)) if (key !== "create" && !ENVELOPE.has(key)) options[key] = value;
  if (options.validator) createQuery(Object.fromEntries(Object.entries(options.validator as Doc).filter(([k]) => k !== "$jsonSchema")));
  ctx.store.createCollection(ctx.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "drop");
  const coll = ctx.store.collection(ctx.db, name);
  if (!coll) throw new MongoError(26, "ns not found");
  const nIndexesWas = coll.indexes.size;
  ctx.store.dropCollection(ctx.db, name);
  return { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 };
};

const dropDatabase: CommandHandler = (_cmd, ctx) => {
  if (ctx.store.databases.has(ctx.db)) ctx.store.dropDatabase(ctx.db);
  return { ok: 1 };
};

const listCollections: CommandHandler = (cmd, ctx) => {
  const colls = ctx.store.databases.get(ctx.db) ?? new Map();
  const nameOnly = cmd.nameOnly === true;
  let infos: Doc[] = [...colls.values()].map((coll) => ({
    name: coll.name,
    type: "collection",
    options: coll.options,
    info: { readOnly: false },
    idIndex: { v: 2, key: { _id: 1 }, name: "_id_" },
  }));
  if (cmd.filter && Object.keys(cmd.filter as Doc).length) {
    const query = createQuery(cmd.filter as Doc);
    infos = infos.filter((info) => query.test(info));
  }
  if (nameOnly) infos = infos.map((info) => ({ name: info.name, type: info.type }));
  const batchSize = (cmd.cursor as Doc | undefined)?.batchSize as number | undefined;
  return ctx.cursors.open(`${ctx.db}.$cmd.listCollections`, infos, batchSize ?? 0);
};

const listDatabases: CommandHandler = (cmd, ctx) => {
  let databases: Doc[] = [...ctx.store.databases.entries()].map(([name, colls]) => {
    let sizeOnDisk = 0;
    for (const coll of colls.values()) sizeOnDisk += coll.docs.size * 200;
    return { name, sizeOnDisk, empty: colls.size === 0 };
  });
  if (cmd.filter && Object.keys(cmd.filter as Doc).length) {
    const query = createQuery(cmd.filter as Doc);
    databases = databases.filter((d) => query.test(d));
  }
  if (cmd.nameOnly === true) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  const totalSize = databases.reduce((sum, d) => sum + (d.sizeOnDisk as number), 0);
  return { databases, totalSize, totalSizeMb: Math.round(totalSize / 1024 / 1024), ok: 1 };
};

const collMod: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "collMod");
  const coll = ctx.store.collection(ctx.db, name);
  if (!coll) throw new MongoError(26, `ns does not exist: ${ctx.db}.${name}`);
  const reply: Doc = { ok: 1 };
  const options: Doc = { ...coll.options };
  let changed = false;
  for (const key of ["validator", "validationLevel", "validationAction", "changeStreamPreAndPostImages"]) {
    if (cmd[key] !== undefined) {
      options[key] = cmd[key];
      changed = true;
    }
  }
  if (changed) coll.setOptions(options);
  const indexChange = cmd.index as Doc | undefined;
  if (indexChange) {
    const target = [...coll.indexes.values()].find((index) =>
      typeof indexChange.name === "string"
        ? index.spec.name === indexChange.name
        : JSON.stringify(index.spec.key) === JSON.stringify(indexChange.keyPattern),
    );
    if (!target) throw new MongoError(27, `cannot find index ${JSON.stringify(indexChange.name ?? indexChange.keyPattern)} for ns ${coll.ns}`);
    const spec: IndexSpec = { ...target.spec };
    if (indexChange.expireAfterSeconds !== undefined) {
      reply.expireAfterSeconds_old = spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = indexChange.expireAfterSeconds;
      spec.expireAfterSeconds = indexChange.expireAfterSeconds as number;
    }
    if (indexChange.hidden !== undefined) {
      reply.hidden_old = spec.hidden ?? false;
      reply.hidden_new = indexChange.hidden;
      spec.hidden = indexChange.hidden;
    }
    coll.updateIndexSpec(target.spec.name, spec);
  }
  return reply;
};

const collStats: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "collStats");
  const coll = ctx.store.collection(ctx.db, name);
  let size = 0;
  for (const doc of coll?.docs.values() ?? []) size += calculateObjectSize(doc);
  const count = coll?.docs.size ?? 0;
  return { ns: `${ctx.db}.${name}`, count, size, avgObjSize: count ? size / count : 0, nindexes: coll?.indexes.size ?? 0, ok: 1 };
};

export const collectionCommands: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  collMod,
  collStats,
};
