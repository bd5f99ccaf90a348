/**
 * Durability: every acknowledged write survives SIGKILL of the server process, and a torn last
 * record (garbage at the end of the log) is ignored rather than a reason to refuse to start.
 */
import { appendFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { MongoClient, type Collection } from "mongodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "@/tools/embedded-mongo";
import { isEmbedded, useTestDatabase } from "../../helpers/mongo";
import { useCleanups } from "../support/cleanups";
import type { AnyDoc } from "../support/docs";
import { expectServerError } from "../support/errors";
import { spawnServeFixture, waitForExit } from "../support/processes";

useTestDatabase();

const { tempDir } = useCleanups();

/** Writers insert until stopped, recording each _id only once the server acknowledged it. */
function startWriters(coll: Collection<AnyDoc>, writers: number, acked: Set<string>): { stop: () => void; done: Promise<unknown> } {
  let running = true;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; running; i += 1) {
      const _id = `w${w}-${i}`;
      const write = i % 10 === 9
        ? coll.insertMany(Array.from({ length: 20 }, (_, k) => ({ _id: `${_id}-${k}`, w, i, pad: "x".repeat(100) })))
          .then(() => Array.from({ length: 20 }, (_, k) => `${_id}-${k}`))
        : coll.insertOne({ _id, w, i, pad: "x".repeat(100) }).then(() => [_id]);
      try {
        for (const id of await write) acked.add(id);
      } catch {
        return; // the server died under us: stop this writer
      }
    }
  });
  return { stop: () => (running = false), done: Promise.allSettled(loops) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.runIf(isEmbedded())("crash recovery", () => {
  it("keeps every acknowledged insert and update after SIGKILL mid-write-stream, and the indexes", async () => {
    const dbPath = await tempDir("emb-crash");
    const server = await spawnServeFixture(dbPath);
    const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 2_000, retryWrites: false });
    const acked = new Set<string>();
    let ackedIncrements = 0;
    let running = true;
    try {
      const coll = client.db("crash").collection<AnyDoc>("docs");
      await coll.createIndex({ w: 1, i: 1 });
      await coll.createIndex({ tag: 1 }, { unique: true, sparse: true });
      await coll.insertOne({ _id: "counter", hits: 0 });
      const writers = startWriters(coll, 4, acked);
      const counting = (async () => {
        while (running) {
          try {
            await coll.updateOne({ _id: "counter" }, { $inc: { hits: 1 } });
            ackedIncrements += 1;
          } catch {
            return;
          }
        }
      })();
      const deadline = Date.now() + 10_000;
      while (acked.size < 3_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.child.kill("SIGKILL"); // writes are still in flight at this moment
      writers.stop();
      running = false;
      await writers.done;
      await counting;
      expect(await waitForExit(server.child)).toMatchObject({ signal: "SIGKILL" });
    } finally {
      await client.close(true);
    }
    expect(acked.size).toBeGreaterThan(500);

    const restarted = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    const again = new MongoClient(restarted.uri);
    try {
      const coll = again.db("crash").collection<AnyDoc>("docs");
      const present = new Set((await coll.find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
      const lost = [...acked].filter((id) => !present.has(id));
      expect(lost, `${lost.length} of ${acked.size} acknowledged documents lost`).toEqual([]);
      // Every acknowledged $inc is there; at most the one in flight at the kill may also have landed.
      const hits = (await coll.findOne({ _id: "counter" }))?.hits as number;
      expect(hits).toBeGreaterThanOrEqual(ackedIncrements);
      expect(hits).toBeLessThanOrEqual(ackedIncrements + 1);
      expect(ackedIncrements).toBeGreaterThan(50);
      const names = (await coll.listIndexes().toArray()).map((i) => i.name).sort();
      expect(names).toEqual(["_id_", "tag_1", "w_1_i_1"]);
      await coll.insertOne({ _id: "after-1", tag: "t" });
      await expectServerError(coll.insertOne({ _id: "after-2", tag: "t" }), 11000);
    } finally {
      await again.close();
      await restarted.stop();
    }
  }, 60_000);

  it("ignores a torn last record, starts, and keeps later writes durable", async () => {
    const dbPath = await tempDir("emb-torn");
    const first = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    let client = new MongoClient(first.uri);
    await client.db("torn").collection<AnyDoc>("docs").insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i })));
    await client.close();
    await first.stop();

    // A crash mid-append leaves a partial record: a length prefix promising more bytes than follow.
    const torn = Buffer.from([0x40, 0x00, 0x00, 0x00, 0x03, 0x64, 0x6f, 0x63, 0x00, 0xde, 0xad]);
    const files = (await listFiles(dbPath)).filter((file) => /log|journal|wal/i.test(file) && !/lock/i.test(file));
    expect(files.length, `no log file found in ${dbPath}`).toBeGreaterThan(0);
    for (const file of files) await appendFile(file, torn);

    const second = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    client = new MongoClient(second.uri);
    try {
      const coll = client.db("torn").collection<AnyDoc>("docs");
      expect(await coll.countDocuments({})).toBe(50);
      await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: 100 + i })));
    } finally {
      await client.close();
      await second.stop();
    }

    const third = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    client = new MongoClient(third.uri);
    try {
      expect(await client.db("torn").collection("docs").countDocuments({})).toBe(60);
    } finally {
      await client.close();
      await third.stop();
    }
  });
});
