/**
 * One collection in memory: documents by encoded _id (Map order = natural order), its indexes and
 * options. Stored documents are never mutated: writers build a new object and swap it in, so
 * cursors, snapshots and failed updates never see half-written state.
 */
import { calculateObjectSize } from "bson";
import { encodeValue } from "./bson-order";
import { isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { formatValue } from "./format";
import { Index, type IndexSpec } from "./indexes";
import { checkValidator, type ValidatorOptions } from "./validation";

export const MAX_BSON_SIZE = 16 * 1024 * 1024;

export type JournalOp = Record<string, unknown> & { o: string };
export type JournalSink = (op: JournalOp) => void;

/** How a stored document changed, as change streams and transactions see it. */
export interface WriteChange {
  kind: "insert" | "update" | "replace" | "delete";
  coll: Collection;
  before?: Doc;
  after?: Doc;
  /** For an operator update, the paths it named (change streams diff only below these). */
  paths?: string[];
}

/** The replica set's hooks into the write path (the oplog; a transaction's write set). */
export interface WriteObserver {
  /** Called before a stored document changes; throws to refuse the write (WriteConflict). */
  beforeWrite?(coll: Collection, id: string): void;
  afterWrite(change: WriteChange): void;
}

export interface CollectionEnv {
  journal: JournalSink;
  quiet: boolean;
  observer?: () => WriteObserver | undefined;
}

/** How `replace` came about: an update with operators/pipeline, or a replacement document. */
export interface ReplaceHow {
  kind: "update" | "replace";
  paths?: string[];
}

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: "_id_" };

export function idKeyOf(doc: Doc): string {
  return encodeValue(doc._id);
}

/** The first `$`-prefixed field name anywhere inside an embedded document. */
function dollarField(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith("$")) return key;
    const found = dollarField(inner);
    if (found) return found;
  }
  return undefined;
}

/** mongod's storage rules for `_id`: no array, regex or undefined, no `$`-prefixed field inside. */
function checkId(id: unknown): void {
  if (Array.isArray(id)) throw new MongoError(2, "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw new MongoError(2, "can't use a regex for _id");
  const dollar = dollarField(id);
  if (dollar) throw new MongoError(52, `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`);
}

export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, Index>();
  options: Doc & ValidatorOptions;

  constructor(
    readonly db: string,
    readonly name: string,
    options: Doc,
    readonly env: CollectionEnv,
  ) {
    this.options = options;
    this.indexes.set("_id_", new Index(ID_INDEX_SPEC));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  private duplicateError(index: Index, tuple: unknown[]): MongoError {
    const keyValue: Doc = {};
    index.fields.forEach((f, i) => (keyValue[f] = tuple[i]));
    const shown = index.fields.map((f, i) => `${f}: ${formatValue(tuple[i])}`).join(", ");
    return new MongoError(11000, `E11000 duplicate key error collection: ${this.ns} index: ${index.spec.name} dup key: { ${shown} }`, {
      keyPattern: index.spec.key,
      keyValue,
    });
  }

  private checkDocument(id: string, doc: Doc, previous: Doc | undefined, bypassValidation: boolean): void {
    const size = calculateObjectSize(doc);
    if (size > MAX_BSON_SIZE) throw new MongoError(10334, `BSONObj size: ${size} (0x${size.toString(16)}) is invalid. Size must be between 0 and 16793600(16MB) First element: _id: ${formatValue(doc._id)}`);
    checkId(doc._id);
    if (!bypassValidation) checkValidator(this.options, doc, previous, this.ns, this.env.quiet);
    if (!previous && this.docs.has(id)) throw this.duplicateError(this.indexes.get("_id_")!, [doc._id]);
    for (const index of this.indexes.values()) {
      const tuple = index.findConflict(id, doc);
      if (tuple) throw this.duplicateError(index, tuple);
    }
  }

  /** Inserts a document that already carries its _id; throws without changing anything on error. */
  insert(doc: Doc, bypassValidation = false): void {
    const id = idKeyOf(doc);
    this.checkDocument(id, doc, undefined, bypassValidation);
    this.env.observer?.()?.beforeWrite?.(this, id);
    this.put(id, doc);
    this.env.journal({ o: "p", db: this.db, c: this.name, d: [doc] });
    this.env.observer?.()?.afterWrite({ kind: "insert", coll: this, after: doc });
  }

  /** Swaps in a new version of a stored document (same _id). */
  replace(previous: Doc, next: Doc, bypassValidation = false, how: ReplaceHow = { kind: "update" }): void {
    const id = idKeyOf(previous);
    this.checkDocument(id, next, previous, bypassValidation);
    this.env.observer?.()?.beforeWrite?.(this, id);
    this.put(id, next);
    this.env.journal({ o: "p", db: this.db, c: this.name, d: [next] });
    this.env.observer?.()?.afterWrite({ kind: how.kind, coll: this, before: previous, after: next, paths: how.paths });
  }

  remove(doc: Doc): void {
    const id = idKeyOf(doc);
    this.env.observer?.()?.beforeWrite?.(this, id);
    this.drop(id);
    this.env.journal({ o: "r", db: this.db, c: this.name, ids: [doc._id] });
    this.env.observer?.()?.afterWrite({ kind: "delete", coll: this, before: doc });
  }

  /** Raw put used by writes and log replay: keeps every index in step. */
  put(id: string, doc: Doc): void {
    const old = this.docs.get(id);
    if (this.indexes.size > 1) {
      for (const index of this.indexes.values()) {
        if (index.isId) continue;
        if (old) index.remove(id, old);
        index.add(id, doc);
      }
    }
    this.docs.set(id, doc);
  }

  drop(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    for (const index of this.indexes.values()) index.remove(id, old);
    this.docs.delete(id);
  }

  /** Builds an index over the existing documents; on a duplicate nothing is registered. */
  addIndex(spec: IndexSpec, log = true): void {
    const index = new Index(spec);
    for (const [id, doc] of this.docs) {
      const conflict = index.findConflict(id, doc);
      if (conflict) throw this.duplicateError(index, conflict);
      index.add(id, doc);
    }
    this.indexes.set(spec.name, index);
    if (log) this.env.journal({ o: "ix", db: this.db, c: this.name, spec });
  }

  /** Log replay: the index was valid when logged, so rebuild it without uniqueness checks. */
  addIndexUnchecked(spec: IndexSpec): void {
    const index = new Index(spec);
    for (const [id, doc] of this.docs) index.add(id, doc);
    this.indexes.set(spec.name, index);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
    this.env.journal({ o: "dx", db: this.db, c: this.name, name });
  }

  /** Replaces an index's spec in place (collMod changes to expireAfterSeconds, hidden, ...). */
  updateIndexSpec(name: string, spec: IndexSpec): void {
    const index = this.indexes.get(name);
    if (!index) return;
    const rebuilt = new Index(spec);
    for (const [id, doc] of this.docs) rebuilt.add(id, doc);
    this.indexes.set(name, rebuilt);
    this.env.journal({ o: "ix", db: this.db, c: this.name, spec });
  }

  setOptions(options: Doc): void {
    this.options = options;
    this.env.journal({ o: "c", db: this.db, c: this.name, opts: options });
  }
}
