/** All databases and collections of one server, plus the replay of journal operations. */
import type { Doc } from "./doc-paths";
import { encodeValue } from "./bson-order";
import { Collection, idKeyOf, type JournalOp, type JournalSink, type WriteObserver } from "./collection";
import { MongoError } from "./errors";
import type { IndexSpec } from "./indexes";

/** Collection and database drops, as the oplog records them. */
export interface StoreObserver {
  dropped(db: string, coll?: string): void;
}

export class Store {
  readonly databases = new Map<string, Map<string, Collection>>();
  /** Where every change is recorded (the persistence log); a no-op when memory only. */
  journal: JournalSink = () => {};
  /** Sees every document write and collection/database drop (the oplog); none during replay. */
  observer: (WriteObserver & StoreObserver) | undefined;

  private readonly env: { journal: JournalSink; quiet: boolean; observer: () => WriteObserver | undefined };

  constructor(readonly quiet: boolean) {
    this.env = { journal: (op: JournalOp) => this.journal(op), quiet, observer: () => this.observer };
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly (as inserts and createIndexes do) when missing. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Doc, log = true): Collection {
    if (!name || name.includes("$") || name.includes("\0")) throw new MongoError(73, `Invalid collection name: ${name}`);
    if (!db || /[/\\. "$]/.test(db)) throw new MongoError(73, `Invalid database name: ${db}`);
    let colls = this.databases.get(db);
    if (!colls) {
      colls = new Map();
      this.databases.set(db, colls);
    }
    const coll = new Collection(db, name, options, this.env);
    colls.set(name, coll);
    if (log) this.journal({ o: "c", db, c: name, opts: options });
    return coll;
  }

  dropCollection(db: string, name: string, log = true): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.databases.delete(db);
    if (log) {
      this.journal({ o: "dc", db, c: name });
      this.observer?.dropped(db, name);
    }
    return true;
  }

  /** Drops every collection (each one a drop event, as mongod does), then the database. */
  dropDatabase(db: string, log = true): void {
    if (log) for (const name of [...(this.databases.get(db)?.keys() ?? [])]) this.observer?.dropped(db, name);
    this.databases.delete(db);
    if (log) {
      this.journal({ o: "dd", db });
      this.observer?.dropped(db);
    }
  }

  /** Re-applies one journal operation (log replay and snapshot load): no checks, no logging. */
  apply(op: JournalOp): void {
    const db = op.db as string;
    const name = op.c as string;
    switch (op.o) {
      case "c": {
        const existing = this.collection(db, name);
        if (existing) existing.options = op.opts as Doc;
        else this.createCollection(db, name, op.opts as Doc, false);
        return;
      }
      case "dc":
        this.dropCollection(db, name, false);
        return;
      case "dd":
        this.dropDatabase(db, false);
        return;
      case "ix": {
        const coll = this.replayCollection(db, name);
        const spec = op.spec as IndexSpec;
        coll.indexes.delete(spec.name);
        coll.addIndexUnchecked(spec);
        return;
      }
      case "dx":
        this.collection(db, name)?.indexes.delete(op.name as string);
        return;
      case "p": {
        const coll = this.replayCollection(db, name);
        for (const doc of op.d as Doc[]) coll.put(idKeyOf(doc), doc);
        return;
      }
      case "r": {
        const coll = this.collection(db, name);
        for (const id of op.ids as unknown[]) coll?.drop(encodeValue(id));
        return;
      }
    }
  }

  private replayCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {}, false);
  }
}
