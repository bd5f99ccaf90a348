/**
 * Durability for a dbPath: an append-only log of change records plus periodic snapshots.
 *
 * - Every change is appended (write(2)) before the command's reply is sent, so an acknowledged
 *   write survives the server process being killed. The log is fdatasync'd in the background
 *   every SYNC_INTERVAL_MS (group commit); writes with `j: true` or `w: "majority"` wait for the
 *   fdatasync of their batch before being acknowledged (survive power loss too).
 * - When the log grows past COMPACT_BYTES, a new log generation starts and the state at that
 *   instant is written as a snapshot in the background; older logs are deleted afterwards.
 * - On start: load the snapshot, replay newer logs in order, truncate a torn last record.
 */
import { closeSync, existsSync, fdatasync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { calculateObjectSize } from "bson";
import type { JournalOp } from "./collection";
import type { Doc } from "./doc-paths";
import { LockFile } from "./lock-file";
import { encodeRecord, readRecords } from "./records";
import { captureStore, SNAPSHOT_FILE, syncDirectory, writeSnapshot } from "./snapshot";
import type { Store } from "./store";

const SYNC_INTERVAL_MS = 50;
const MERGE_MAX_DOCS = 500;
/** Well under bson's 17 MB serialization buffer, which one record must fit in. */
const MERGE_MAX_BYTES = 8 * 1024 * 1024;
const COMPACT_BYTES = 128 * 1024 * 1024;

const logName = (gen: number) => `journal-${String(gen).padStart(8, "0")}.log`;

function logGenerations(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => /^journal-(\d+)\.log$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

export class Persistence {
  private fd = -1;
  private generation = 0;
  private logBytes = 0;
  private snapshotBytes = 0;
  /** Changes not yet written; consecutive puts into one collection are merged into one record. */
  private pending: JournalOp[] = [];
  private mergeBytes = 0;
  private dirty = false;
  private syncing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly lock: LockFile,
    private readonly store: Store,
    private readonly quiet: boolean,
  ) {
    this.timer = setInterval(() => void this.sync().catch(() => {}), SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  static async open(dbPath: string, store: Store, quiet: boolean): Promise<Persistence> {
    mkdirSync(dbPath, { recursive: true });
    const dir = realpathSync(dbPath);
    const lock = await LockFile.acquire(dir);
    try {
      const persistence = new Persistence(dir, lock, store, quiet);
      persistence.load();
      store.journal = (op) => persistence.record(op);
      return persistence;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private load(): void {
    const snapshotPath = join(this.dir, SNAPSHOT_FILE);
    let nextLog = 0;
    if (existsSync(snapshotPath)) {
      const buf = readFileSync(snapshotPath);
      this.snapshotBytes = buf.length;
      let header = true;
      readRecords(buf, (record) => {
        if (header) {
          header = false;
          nextLog = Number(record.nextLog ?? 0);
          return;
        }
        this.store.apply(record as JournalOp);
      });
    }
    const generations = logGenerations(this.dir);
    for (const gen of generations.filter((g) => g < nextLog)) unlinkSync(join(this.dir, logName(gen)));
    const live = generations.filter((g) => g >= nextLog);
    for (const gen of live) {
      const path = join(this.dir, logName(gen));
      const buf = readFileSync(path);
      const { goodLength } = readRecords(buf, (record) => this.store.apply(record as JournalOp));
      if (goodLength < buf.length) {
        if (!this.quiet) console.warn(`[embedded-mongo] ignoring ${buf.length - goodLength} bytes of torn/corrupt log tail in ${path}`);
        const fd = openSync(path, "r+");
        ftruncateSync(fd, goodLength);
        fdatasyncSync(fd);
        closeSync(fd);
      }
    }
    this.generation = live.length ? live[live.length - 1]! : nextLog;
    this.openLog();
  }

  private openLog(): void {
    const path = join(this.dir, logName(this.generation));
    this.fd = openSync(path, "a");
    this.logBytes = statSync(path).size;
    syncDirectory(this.dir);
  }

  private record(op: JournalOp): void {
    const last = this.pending[this.pending.length - 1];
    if (op.o === "p" && last?.o === "p" && last.db === op.db && last.c === op.c) {
      const docs = last.d as Doc[];
      const size = calculateObjectSize(op.d as Doc[]);
      if (docs.length < MERGE_MAX_DOCS && this.mergeBytes + size < MERGE_MAX_BYTES) {
        docs.push(...(op.d as Doc[]));
        this.mergeBytes += size;
        return;
      }
    }
    // Copy puts so merging never touches the caller's op.
    this.pending.push(op.o === "p" ? { ...op, d: [...(op.d as Doc[])] } : op);
    this.mergeBytes = op.o === "p" ? calculateObjectSize(op.d as Doc[]) : 0;
    if (this.pending.length === 1) setImmediate(() => this.flush());
  }

  /** Writes pending records to the log (to the OS: survives a process kill). */
  flush(): void {
    if (this.pending.length === 0 || this.fd < 0) return;
    const records = this.pending.map(encodeRecord);
    const buf = records.length === 1 ? records[0]! : Buffer.concat(records);
    this.pending = [];
    this.mergeBytes = 0;
    let written = 0;
    while (written < buf.length) written += writeSync(this.fd, buf, written);
    this.logBytes += buf.length;
    this.dirty = true;
    if (this.logBytes > COMPACT_BYTES && this.logBytes > this.snapshotBytes && !this.compacting) this.startCompaction();
  }

  /** Group commit: one fdatasync covers every write flushed before it started. */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing.then(() => this.sync());
    if (!this.dirty || this.fd < 0) return Promise.resolve();
    this.dirty = false;
    const fd = this.fd;
    this.syncing = new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve()))).finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  async afterCommand(waitForSync: boolean): Promise<void> {
    this.flush();
    if (waitForSync) await this.sync();
  }

  private startCompaction(): void {
    this.flush();
    const oldFd = this.fd;
    fdatasyncSync(oldFd);
    this.generation += 1;
    this.openLog();
    const nextLog = this.generation;
    const captured = captureStore(this.store);
    this.compacting = writeSnapshot(this.dir, captured, nextLog)
      .then(() => {
        this.snapshotBytes = statSync(join(this.dir, SNAPSHOT_FILE)).size;
        for (const gen of logGenerations(this.dir)) if (gen < nextLog) unlinkSync(join(this.dir, logName(gen)));
      })
      .catch((error: unknown) => {
        if (!this.quiet) console.error("[embedded-mongo] snapshot failed (the log still has everything):", error);
      })
      .finally(() => {
        this.compacting = undefined;
        // closed only now: a background fdatasync may still be running on it
        void (this.syncing ?? Promise.resolve()).catch(() => {}).then(() => closeSync(oldFd));
      });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.store.journal = () => {};
    await this.compacting;
    this.flush();
    await this.syncing?.catch(() => {});
    if (this.fd >= 0) {
      fdatasyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
    }
    this.lock.release();
  }
}
