/**
 * One multi-document transaction: snapshot reads, private writes, first-writer-wins conflicts
 * (WriteConflict, code 112, labelled TransientTransactionError) and an atomic commit that enters
 * the oplog as one unit.
 *
 * Conflicts are found when a transaction first writes a document that another open transaction
 * has written, or that was changed since this transaction's snapshot — as mongod does. A write
 * made outside any transaction to a document an open transaction has written is not blocked (on
 * mongod it waits for the transaction); the transaction's commit then fails with WriteConflict
 * (TransientTransactionError, so `withTransaction` retries it), and nothing is lost.
 */
import type { Long } from "bson";
import { idKeyOf, type Collection, type WriteChange, type WriteObserver } from "../collection";
import type { Doc } from "../doc-paths";
import type { Store } from "../store";
import type { Oplog } from "./oplog";
import { TransactionStore, transientError } from "./transaction-store";

export type TransactionState = "active" | "committed" | "aborted";

interface WrittenDoc {
  coll: Collection;
  /** The document as the snapshot had it (undefined: absent), to compare with the live one. */
  base: Doc | undefined;
}

const CONFLICT_MESSAGE = "Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.";

export class Transaction {
  state: TransactionState = "active";
  readonly store: TransactionStore;
  readonly startedAt = Date.now();
  private readonly written = new Map<string, WrittenDoc>();
  private readonly changes: WriteChange[] = [];

  constructor(
    readonly lsid: Doc,
    readonly txnNumber: Long,
    live: Store,
    oplog: Oplog,
    /** The other open transactions (to find write conflicts between them). */
    private readonly others: () => Iterable<Transaction>,
  ) {
    const observer: WriteObserver = {
      beforeWrite: (coll, id) => this.claim(coll, id),
      afterWrite: (change) => this.changes.push(change),
    };
    this.store = new TransactionStore(live, oplog, oplog.latest(), observer);
  }

  hasWritten(key: string): boolean {
    return this.written.has(key);
  }

  private claim(copy: Collection, id: string): void {
    const key = `${copy.ns}\u0000${id}`;
    if (this.written.has(key)) return;
    for (const other of this.others()) {
      if (other !== this && other.state === "active" && other.hasWritten(key)) throw transientError(112, CONFLICT_MESSAGE);
    }
    const base = copy.docs.get(id);
    if (this.store.liveCollection(copy.db, copy.name)?.docs.get(id) !== base) throw transientError(112, CONFLICT_MESSAGE);
    this.written.set(key, { coll: copy, base });
  }

  /** Replays the writes on the live store (throws WriteConflict, changing nothing, on a conflict). */
  commit(live: Store): void {
    for (const [key, { coll, base }] of this.written) {
      const id = key.slice(key.indexOf("\u0000") + 1);
      if (live.collection(coll.db, coll.name)?.docs.get(id) !== base) throw transientError(112, CONFLICT_MESSAGE);
    }
    const applied: WriteChange[] = [];
    try {
      for (const change of this.changes) {
        replay(live, change);
        applied.push(change);
      }
    } catch (error) {
      for (const change of applied.reverse()) revert(live, change);
      throw error;
    }
    this.state = "committed";
  }
}

function replay(live: Store, change: WriteChange): void {
  const { db, name } = change.coll;
  if (change.kind === "insert") {
    live.ensureCollection(db, name).insert(change.after!, true);
    return;
  }
  const coll = live.collection(db, name)!;
  const current = coll.docs.get(idKeyOf(change.before!))!;
  if (change.kind === "delete") coll.remove(current);
  else coll.replace(current, change.after!, true, { kind: change.kind, paths: change.paths });
}

function revert(live: Store, change: WriteChange): void {
  const coll = live.collection(change.coll.db, change.coll.name)!;
  if (change.kind === "insert") coll.remove(change.after!);
  else if (change.kind === "delete") coll.insert(change.before!, true);
  else coll.replace(change.after!, change.before!, true);
}
