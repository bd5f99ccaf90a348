/**
 * What a multi-document transaction reads and writes: a snapshot of each collection it touches,
 * taken as of the transaction's start, private to it until commit.
 *
 * The snapshot of a collection is a copy of the live one (documents are immutable, so the copy
 * holds references, and its indexes are rebuilt) with every oplog change made since the
 * transaction started undone. Writes go to the copy and are recorded; commit replays them on the
 * live collections (see transactions.ts). Copying costs O(documents) per collection a transaction
 * touches — fine for a development server, and what keeps every command's code unchanged.
 */
import { Collection, idKeyOf, type WriteObserver } from "../collection";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { Store } from "../store";
import type { Oplog, OplogEntry } from "./oplog";

export function transientError(code: number, message: string): MongoError {
  return new MongoError(code, message, { errorLabels: ["TransientTransactionError"] });
}

/** Undoes one oplog entry on a snapshot copy (newest first). */
function undo(copy: Collection, entry: OplogEntry): void {
  const id = idKeyOf((entry.after ?? entry.before)!);
  if (entry.before) copy.put(id, entry.before);
  else copy.drop(id);
}

export class TransactionStore extends Store {
  private readonly copies = new Map<string, Collection | null>();

  constructor(
    private readonly live: Store,
    private readonly oplog: Oplog,
    /** Oplog position of the snapshot: changes after it are not visible. */
    readonly snapshot: bigint,
    private readonly writes: WriteObserver,
  ) {
    super(live.quiet);
  }

  override collection(db: string, name: string): Collection | undefined {
    const key = `${db}.${name}`;
    if (!this.copies.has(key)) this.copies.set(key, this.snapshotOf(db, name));
    return this.copies.get(key) ?? undefined;
  }

  override ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  override createCollection(db: string, name: string, options: Doc): Collection {
    const coll = new Collection(db, name, options, this.copyEnv());
    this.copies.set(`${db}.${name}`, coll);
    return coll;
  }

  /** The live collection a copy stands for (undefined when the transaction created it). */
  liveCollection(db: string, name: string): Collection | undefined {
    return this.live.collection(db, name);
  }

  private copyEnv(): Collection["env"] {
    return { journal: () => {}, quiet: this.quiet, observer: () => this.writes };
  }

  private snapshotOf(db: string, name: string): Collection | null {
    if (this.oplog.isLost(this.snapshot)) {
      throw transientError(239, "Read timestamp is older than the oldest available timestamp.");
    }
    const later = [...this.oplog.after(this.snapshot)].filter((e) => e.db === db && (e.coll === name || e.coll === undefined));
    if (later.some((e) => e.op === "drop" || e.op === "dropDatabase")) {
      throw transientError(246, "Unable to read from a snapshot due to pending collection catalog changes; please retry the operation.");
    }
    const source = this.live.collection(db, name);
    if (!source) return null;
    const copy = new Collection(db, name, { ...source.options }, this.copyEnv());
    for (const index of source.indexes.values()) if (!index.isId) copy.addIndexUnchecked(index.spec);
    for (const [id, doc] of source.docs) copy.put(id, doc);
    for (const entry of later.reverse()) undo(copy, entry);
    return copy;
  }
}

