/**
 * The oplog: every committed change in order, kept in memory and bounded in bytes. Change
 * streams are positions in it (one list for the whole server, however many streams read it), and
 * an append wakes the streams waiting in getMore — a notify, not a poll.
 *
 * A position is the entry's Timestamp shifted left 16 bits plus its index inside a transaction
 * (all of a transaction's events share one clusterTime, as on mongod). Entries hold references to
 * the stored (immutable) documents, so recording a write copies nothing.
 */
import { calculateObjectSize, type Long, type Timestamp } from "bson";
import type { Doc } from "../doc-paths";
import { timestampValue, type ClusterClock } from "./clock";

export type OplogOp = "insert" | "update" | "replace" | "delete" | "drop" | "dropDatabase";

export interface OplogEntry {
  pos: bigint;
  ts: Timestamp;
  wall: Date;
  op: OplogOp;
  db: string;
  coll?: string;
  /** The document's `_id` (document writes). */
  id?: unknown;
  before?: Doc;
  after?: Doc;
  paths?: string[];
  /** The collection had changeStreamPreAndPostImages enabled when the write happened. */
  images?: boolean;
  txn?: { lsid: Doc; txnNumber: Long };
  size: number;
}

export type OplogRecord = Omit<OplogEntry, "pos" | "ts" | "wall" | "size">;

/** Default bound on the oplog's memory (documents referenced by its entries, estimated as BSON). */
export const DEFAULT_OPLOG_BYTES = 64 * 1024 * 1024;
const ENTRY_OVERHEAD = 160;

export function positionOf(ts: Timestamp, index = 0): bigint {
  return (timestampValue(ts) << 16n) | BigInt(index);
}

export class Oplog {
  private entries: OplogEntry[] = [];
  /** Index of the oldest live entry in `entries` (evicted ones are compacted away lazily). */
  private head = 0;
  private bytes = 0;
  /** Every position at or before this one may have been evicted (or predates this process). */
  private lostUpTo: bigint;
  private waiters = new Set<() => void>();

  constructor(
    private readonly clock: ClusterClock,
    readonly maxBytes: number = DEFAULT_OPLOG_BYTES,
  ) {
    this.lostUpTo = positionOf(clock.now()) - 1n;
  }

  /** Appends the records of one write (or one committed transaction) under one new Timestamp. */
  append(records: OplogRecord[]): void {
    if (records.length === 0) return;
    const ts = this.clock.tick();
    const wall = new Date();
    records.forEach((record, index) => {
      const size = ENTRY_OVERHEAD + (record.after ? calculateObjectSize(record.after) : 0) + (record.before ? calculateObjectSize(record.before) : 0);
      this.entries.push({ ...record, pos: positionOf(ts, index), ts, wall, size });
      this.bytes += size;
    });
    this.evict();
    const woken = this.waiters;
    this.waiters = new Set();
    for (const wake of woken) wake();
  }

  private evict(): void {
    while (this.bytes > this.maxBytes && this.entries.length - this.head > 1) {
      const old = this.entries[this.head]!;
      this.entries[this.head] = undefined as unknown as OplogEntry;
      this.head += 1;
      this.bytes -= old.size;
      this.lostUpTo = old.pos;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** The position just after everything written so far (where a new stream starts). */
  latest(): bigint {
    return positionOf(this.clock.now()) | 0xffffn;
  }

  /** True when entries after `position` have been evicted (a resume from it would miss events). */
  isLost(position: bigint): boolean {
    return position < this.lostUpTo;
  }

  /** Entries after `position`, oldest first (a view: do not keep it across appends). */
  *after(position: bigint): Generator<OplogEntry> {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.pos <= position) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.entries.length; i += 1) yield this.entries[i]!;
  }

  /** Resolves at the next append, or after `ms` — whichever comes first. */
  waitForAppend(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.waiters.add(wake);
    });
  }

  /** Wakes every waiter (server shutdown). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.length - this.head, bytes: this.bytes };
  }
}
