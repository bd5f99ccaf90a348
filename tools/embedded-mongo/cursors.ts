/**
 * Server-wide cursor registry (getMore may arrive on any pooled socket). A cursor holds the
 * already-computed list of stored documents and a position; idle cursors are reaped.
 */
import { randomBytes } from "node:crypto";
import { calculateObjectSize, Long } from "bson";
import type { Doc } from "./doc-paths";
import { MongoError } from "./errors";

export const DEFAULT_FIRST_BATCH = 101;
/** Room left under 16 MiB for the reply envelope around a batch. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
/** mongod's default cursorTimeoutMillis. */
export const DEFAULT_CURSOR_TIMEOUT_MS = 10 * 60 * 1000;

interface CursorState {
  ns: string;
  docs: Doc[];
  position: number;
  lastUsed: number;
}

export interface CursorReply extends Record<string, unknown> {
  cursor: { firstBatch?: Doc[]; nextBatch?: Doc[]; id: Long; ns: string };
  ok: 1;
}

export class CursorRegistry {
  private readonly cursors = new Map<bigint, CursorState>();
  private readonly reaper: NodeJS.Timeout;

  /** Cursors not used for `idleTimeoutMs` are dropped; the sweep runs at least every minute. */
  constructor(private readonly idleTimeoutMs: number = DEFAULT_CURSOR_TIMEOUT_MS) {
    this.reaper = setInterval(() => this.reap(), Math.max(10, Math.min(60_000, Math.floor(idleTimeoutMs / 2))));
    this.reaper.unref();
  }

  close(): void {
    clearInterval(this.reaper);
    this.cursors.clear();
  }

  private reap(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, state] of this.cursors) if (state.lastUsed < cutoff) this.cursors.delete(id);
  }

  private static takeBatch(state: CursorState, count: number): Doc[] {
    const batch: Doc[] = [];
    let bytes = 0;
    while (state.position < state.docs.length && (count <= 0 || batch.length < count)) {
      const doc = state.docs[state.position]!;
      bytes += calculateObjectSize(doc);
      if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
      batch.push(doc);
      state.position += 1;
    }
    return batch;
  }

  private newId(): bigint {
    for (;;) {
      const id = randomBytes(8).readBigInt64LE() & 0x7fffffffffffffffn;
      if (id !== 0n && !this.cursors.has(id)) return id;
    }
  }

  /** First batch of a result; registers a cursor when more remain (unless singleBatch). */
  open(ns: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): CursorReply {
    const state: CursorState = { ns, docs, position: 0, lastUsed: Date.now() };
    const firstBatch = CursorRegistry.takeBatch(state, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = 0n;
    if (!singleBatch && state.position < docs.length) {
      id = this.newId();
      this.cursors.set(id, state);
    }
    return { cursor: { firstBatch, id: Long.fromBigInt(id), ns }, ok: 1 };
  }

  getMore(idValue: unknown, ns: string, batchSize: number | undefined): CursorReply {
    const id = BigInt(String(idValue));
    const state = this.cursors.get(id);
    if (!state) throw new MongoError(43, `cursor id ${id} not found`);
    if (state.ns !== ns) throw new MongoError(13, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${state.ns}`);
    state.lastUsed = Date.now();
    const nextBatch = CursorRegistry.takeBatch(state, batchSize ?? 0);
    const done = state.position >= state.docs.length;
    if (done) this.cursors.delete(id);
    return { cursor: { nextBatch, id: Long.fromBigInt(done ? 0n : id), ns }, ok: 1 };
  }

  kill(ids: unknown[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const id = BigInt(String(raw));
      (this.cursors.delete(id) ? killed : notFound).push(Long.fromBigInt(id));
    }
    return { killed, notFound };
  }
}
