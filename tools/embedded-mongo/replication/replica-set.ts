/**
 * This server as a single-node replica set "rs0": its address as the members list names it, its
 * clock, its oplog (fed by the store's write observer) and its change streams. One per server.
 */
import type { WriteChange, WriteObserver } from "../collection";
import type { Store, StoreObserver } from "../store";
import { ChangeStreams } from "./change-streams";
import { ClusterClock } from "./clock";
import { DEFAULT_OPLOG_BYTES, Oplog, type OplogRecord } from "./oplog";
import { Sessions } from "./sessions";

export const REPLICA_SET_NAME = "rs0";

export interface ReplicaSetOptions {
  oplogSizeBytes?: number;
  cursorTimeoutMs: number;
}

function recordOf(change: WriteChange): OplogRecord {
  const { coll } = change;
  const images = (coll.options.changeStreamPreAndPostImages as { enabled?: unknown } | undefined)?.enabled === true;
  return {
    op: change.kind,
    db: coll.db,
    coll: coll.name,
    id: (change.after ?? change.before)!._id,
    before: change.before,
    after: change.after,
    paths: change.paths,
    images,
  };
}

export class ReplicaSet {
  readonly name = REPLICA_SET_NAME;
  readonly clock = new ClusterClock();
  readonly oplog: Oplog;
  readonly streams: ChangeStreams;
  readonly sessions = new Sessions(this);
  private live: Store | undefined;
  /** host:port of this member, set once the server listens (hello's `me`, `primary`, `hosts`). */
  address = "127.0.0.1:27017";
  /** While a transaction commits, its writes gather here to enter the oplog as one unit. */
  private gathering: OplogRecord[] | undefined;

  constructor(options: ReplicaSetOptions) {
    this.oplog = new Oplog(this.clock, options.oplogSizeBytes ?? DEFAULT_OPLOG_BYTES);
    this.streams = new ChangeStreams(this.oplog, options.cursorTimeoutMs);
  }

  setListening(host: string, port: number): void {
    const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    this.address = `${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
  }

  /** Connects the store's writes to the oplog. */
  attach(store: Store): void {
    this.live = store;
    const observer: WriteObserver & StoreObserver = {
      afterWrite: (change) => this.record(recordOf(change)),
      dropped: (db, coll) => this.record(coll === undefined ? { op: "dropDatabase", db } : { op: "drop", db, coll }),
    };
    store.observer = observer;
  }

  /** The live store (transactions commit into it). */
  store(): Store {
    if (!this.live) throw new Error("replica set used before attach()");
    return this.live;
  }

  private record(entry: OplogRecord): void {
    if (this.gathering) this.gathering.push(entry);
    else this.oplog.append([entry]);
  }

  /** Runs `apply` (a transaction's commit) so that its writes enter the oplog together, tagged. */
  asOneEntry(txn: OplogRecord["txn"], apply: () => void): void {
    this.gathering = [];
    try {
      apply();
      this.oplog.append(this.gathering.map((record) => ({ ...record, txn })));
    } finally {
      this.gathering = undefined;
    }
  }

  close(): void {
    this.streams.close();
    this.oplog.wakeAll();
  }
}
