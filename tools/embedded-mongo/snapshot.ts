/**
 * Snapshots: the whole store as records in `snapshot.bson`, written to a temp file, fsync'd and
 * renamed over the old one, so a crash leaves either the old or the new snapshot, never a mix.
 * The first record says which log generation replay continues from.
 */
import { closeSync, fsyncSync, openSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Doc } from "./doc-paths";
import type { IndexSpec } from "./indexes";
import { encodeRecord } from "./records";
import type { Store } from "./store";

export const SNAPSHOT_FILE = "snapshot.bson";
const DOCS_PER_RECORD = 200;
/** Small slices keep each synchronous serialization step short, so queries keep a low p99. */
const BYTES_PER_WRITE = 256 * 1024;

interface CapturedCollection {
  db: string;
  name: string;
  options: Doc;
  indexes: IndexSpec[];
  docs: Doc[];
}

/** Captures references to the current state; stored documents are immutable, so this is consistent. */
export function captureStore(store: Store): CapturedCollection[] {
  const out: CapturedCollection[] = [];
  for (const [db, colls] of store.databases) {
    for (const coll of colls.values()) {
      out.push({
        db,
        name: coll.name,
        options: coll.options,
        indexes: [...coll.indexes.values()].filter((ix) => !ix.isId).map((ix) => ix.spec),
        docs: [...coll.docs.values()],
      });
    }
  }
  return out;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function writeSnapshot(dir: string, captured: CapturedCollection[], nextLog: number): Promise<void> {
  const finalPath = join(dir, SNAPSHOT_FILE);
  const tempPath = `${finalPath}.tmp`;
  const handle = await open(tempPath, "w");
  try {
    let pending: Buffer[] = [encodeRecord({ o: "snap", nextLog })];
    let pendingBytes = 0;
    const flush = async () => {
      if (pending.length) await handle.writev(pending);
      pending = [];
      pendingBytes = 0;
      await yieldToEventLoop(); // keep serving commands while a large snapshot is written
    };
    const push = async (record: Doc) => {
      const buf = encodeRecord(record);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= BYTES_PER_WRITE) await flush();
    };
    for (const coll of captured) {
      await push({ o: "c", db: coll.db, c: coll.name, opts: coll.options });
      for (let i = 0; i < coll.docs.length; i += DOCS_PER_RECORD) {
        await push({ o: "p", db: coll.db, c: coll.name, d: coll.docs.slice(i, i + DOCS_PER_RECORD) });
      }
      for (const spec of coll.indexes) await push({ o: "ix", db: coll.db, c: coll.name, spec });
    }
    await flush();
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, finalPath);
  syncDirectory(dir);
}

export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems refuse fsync on directories; the rename is still atomic
  }
}
