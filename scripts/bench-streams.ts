/**
 * `npm run bench:db -- --streams` — change-stream fan-out on the embedded server: 200 cursors
 * (`collection.watch()`) on one collection while a writer inserts at a steady rate. Reports the
 * delay from just before each insertOne to each cursor's receipt of its event (p50/p99; it
 * includes the insert round trip), the server's resident memory per open cursor, and the
 * server's CPU time. A benchmark, not a test: it prints numbers. The 200 listeners run in this
 * one process with the writer, so on a small machine the driver decoding 200 copies of every
 * event is part of the delay (see the server's CPU share beside it).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient, type ChangeStream, type ChangeStreamInsertDocument } from "mongodb";
import { percentile, rssMb, startServer, stopServer } from "./bench-server";

const CURSORS = 200;
const WRITES = 300;
/** `-- --streams --interval=<ms>`: the pause between inserts (default 20 ms, i.e. up to 50/s). */
const WRITE_INTERVAL_MS = Number(/^--interval=(\d+)$/.exec(process.argv.find((a) => a.startsWith("--interval=")) ?? "")?.[1] ?? 20);

interface Tick {
  seq: number;
  /** performance.timeOrigin + performance.now() just before the insert was sent. */
  sentAt: number;
}

/** utime + stime of a process, in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

export async function benchStreams(): Promise<void> {
  const dbPath = mkdtempSync(join(tmpdir(), "bench-streams-"));
  const server = await startServer(dbPath);
  // Every parked getMore holds a pooled connection: room for all cursors plus the writer.
  const client = new MongoClient(server.uri, { maxPoolSize: CURSORS + 20 });
  const streams: ChangeStream<Tick>[] = [];
  try {
    const coll = client.db("bench").collection<Tick>("ticks");
    await coll.insertOne({ seq: -1, sentAt: now() });
    const rssBefore = rssMb(server.child.pid!);
    const delays: number[] = [];
    let received = 0;
    let allArrived: () => void = () => {};
    const done = new Promise<void>((resolve) => (allArrived = resolve));
    for (let i = 0; i < CURSORS; i += 1) {
      const stream = coll.watch<Tick, ChangeStreamInsertDocument<Tick>>([{ $match: { operationType: "insert" } }], { maxAwaitTimeMS: 1000 });
      stream.on("change", (event) => {
        delays.push(now() - event.fullDocument.sentAt);
        received += 1;
        if (received === CURSORS * WRITES) allArrived();
      });
      streams.push(stream as unknown as ChangeStream<Tick>);
    }
    // watch() is lazy: wait until every cursor's aggregate has run (each has a resume token).
    while (streams.some((s) => s.resumeToken === null || s.resumeToken === undefined)) await new Promise((r) => setTimeout(r, 50));
    const rssOpen = rssMb(server.child.pid!);
    const cpuStart = cpuSeconds(server.child.pid!);
    const started = performance.now();
    for (let seq = 0; seq < WRITES; seq += 1) {
      await coll.insertOne({ seq, sentAt: now() });
      await new Promise((r) => setTimeout(r, WRITE_INTERVAL_MS));
    }
    await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(server.child.pid!) - cpuStart;
    const rssAfter = rssMb(server.child.pid!);
    delays.sort((a, b) => a - b);
    console.log(`bench:db --streams — ${CURSORS} change-stream cursors, ${WRITES} inserts every ${WRITE_INTERVAL_MS} ms`);
    console.table([
      {
        "events received": `${received}/${CURSORS * WRITES}`,
        "fan-out p50 ms": percentile(delays, 50).toFixed(2),
        "fan-out p99 ms": percentile(delays, 99).toFixed(2),
        "fan-out max ms": delays.at(-1)?.toFixed(2),
        "server RSS MB (no cursors / open / after)": `${rssBefore.toFixed(0)} / ${rssOpen.toFixed(0)} / ${rssAfter.toFixed(0)}`,
        "RSS KB per cursor": (((rssOpen - rssBefore) * 1024) / CURSORS).toFixed(1),
        "server CPU % of one core": ((cpu / seconds) * 100).toFixed(0),
      },
    ]);
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    await client.close();
    await stopServer(server.child, "SIGTERM");
    rmSync(dbPath, { recursive: true, force: true });
  }
}
