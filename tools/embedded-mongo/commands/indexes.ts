/** createIndexes, listIndexes, dropIndexes. */
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { IndexSpec } from "../indexes";
import { checkOneTextIndex, isTextKey, normaliseTextSpec } from "../text/text-spec";
import { collectionName, type CommandHandler } from "./context";

function defaultName(key: Doc): string {
  return Object.entries(key).map(([field, dir]) => `${field}_${String(dir)}`).join("_");
}

const OPTION_KEYS = ["unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "hidden", "collation"];

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return OPTION_KEYS.every((k) => JSON.stringify(a[k] ?? (k === "unique" || k === "sparse" || k === "hidden" ? false : null)) === JSON.stringify(b[k] ?? (k === "unique" || k === "sparse" || k === "hidden" ? false : null)));
}

function normalise(raw: Doc): IndexSpec {
  const key = raw.key as Doc | undefined;
  if (!key || typeof key !== "object" || Object.keys(key).length === 0) throw new MongoError(67, "Index keys cannot be empty.");
  for (const [field, dir] of Object.entries(key)) {
    const valid = typeof dir === "number" ? dir !== 0 : ["text", "hashed", "2d", "2dsphere"].includes(String(dir));
    if (!valid) throw new MongoError(67, `Values in the index key pattern can't be ${JSON.stringify(dir)} (field ${field})`);
  }
  const name = typeof raw.name === "string" ? raw.name : defaultName(key);
  if (isTextKey(key)) return normaliseTextSpec(raw, name) as IndexSpec;
  const spec: IndexSpec = { v: 2, key: key as Record<string, unknown>, name };
  for (const [option, value] of Object.entries(raw)) {
    if (option === "key" || option === "name" || option === "v" || option === "ns" || option === "background") continue;
    if (option === "unique" && value === false) continue;
    spec[option] = value;
  }
  return spec;
}

const createIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "createIndexes");
  const existed = ctx.store.collection(ctx.db, name) !== undefined;
  const specs = ((cmd.indexes ?? []) as Doc[]).map(normalise);
  const coll = ctx.store.ensureCollection(ctx.db, name);
  const before = coll.indexes.size;
  for (const spec of specs) {
    if (isTextKey(spec.key)) {
      if (!checkOneTextIndex(spec, [...coll.indexes.values()].map((ix) => ix.spec))) coll.addIndex(spec);
      continue;
    }
    const sameName = coll.indexes.get(spec.name);
    const sameKey = [...coll.indexes.values()].find((ix) => JSON.stringify(ix.spec.key) === JSON.stringify(spec.key) && sameOptions(ix.spec, spec));
    if (sameName) {
      if (JSON.stringify(sameName.spec.key) !== JSON.stringify(spec.key)) {
        throw new MongoError(86, `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
      }
      if (!sameOptions(sameName.spec, spec)) throw new MongoError(85, `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
      continue;
    }
    if (sameKey) throw new MongoError(85, `Index already exists with a different name: ${sameKey.spec.name}`);
    const sameKeyOtherOptions = [...coll.indexes.values()].find((ix) => JSON.stringify(ix.spec.key) === JSON.stringify(spec.key));
    // mongod allows one key pattern several times when the partial filters or the collations differ.
    const sameCollation = JSON.stringify(sameKeyOtherOptions?.spec.collation ?? null) === JSON.stringify(spec.collation ?? null);
    if (sameKeyOtherOptions && sameCollation && !spec.partialFilterExpression && !sameKeyOtherOptions.spec.partialFilterExpression) {
      throw new MongoError(85, `An existing index has the same key pattern but different options: ${sameKeyOtherOptions.spec.name}`);
    }
    coll.addIndex(spec);
  }
  const reply: Doc = { numIndexesBefore: before, numIndexesAfter: coll.indexes.size, createdCollectionAutomatically: !existed, ok: 1 };
  if (before === coll.indexes.size) reply.note = "all indexes already exist";
  return reply;
};

const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "listIndexes");
  const coll = ctx.store.collection(ctx.db, name);
  if (!coll) throw new MongoError(26, `ns does not exist: ${ctx.db}.${name}`);
  const specs = [...coll.indexes.values()].map((index) => ({ ...index.spec }));
  const batchSize = (cmd.cursor as Doc | undefined)?.batchSize as number | undefined;
  return ctx.cursors.open(`${ctx.db}.$cmd.listIndexes.${name}`, specs, batchSize ?? 0);
};

const dropIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "dropIndexes");
  const coll = ctx.store.collection(ctx.db, name);
  if (!coll) throw new MongoError(26, `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size;
  const target = cmd.index;
  let names: string[];
  if (target === "*") names = [...coll.indexes.keys()].filter((n) => n !== "_id_");
  else if (Array.isArray(target)) names = target as string[];
  else if (typeof target === "string") names = [target];
  else {
    const found = [...coll.indexes.values()].find((ix) => JSON.stringify(ix.spec.key) === JSON.stringify(target));
    if (!found) throw new MongoError(27, `can't find index with key: ${JSON.stringify(target)}`);
    names = [found.spec.name];
  }
  for (const indexName of names) {
    if (indexName === "_id_") throw new MongoError(72, "cannot drop _id index");
    if (!coll.indexes.has(indexName)) throw new MongoError(27, `index not found with name [${indexName}]`);
  }
  for (const indexName of names) coll.dropIndex(indexName);
  return { nIndexesWas, ok: 1 };
};

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
