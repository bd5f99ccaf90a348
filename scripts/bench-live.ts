/**
 * `npm run bench:live` — issue 18's benchmark: 200 live listeners on one instance (this process:
 * the real hub and SSE responses, on the embedded database in its own process) while 20 replies
 * stream. Prints the memory and CPU per listener, the fan-out delay from a chunk's write to its
 * arrival at a listener (p50/p99; target ≤ 50 ms p99), and the extra database commands per
 * streaming reply (chunks + heartbeats through the real reply-progress writer). A benchmark, not
 * a test: it prints numbers, never fails on them.
 */
import { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ObjectId } from "mongodb";
import { cpuMs, rssMb, startEmbeddedDb } from "./bench/processes";
import { fixed, median, percentile } from "./bench/stats";

const DB_PORT = 3193;
const USERS = 20;
const LISTENERS_PER_USER = 10;
const REPLIES = 20;
const CHUNKS_PER_SECOND = 16;
const STREAM_SECONDS = 10;

function load(): string {
  return loadavg().map((value) => value.toFixed(2)).join(" / ");
}

// A full collection before each heap reading, without asking for node --expose-gc.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

function heapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Reads one SSE body, timing every chunk event whose text is the write's Date.now(). */
async function listen(response: Response, delays: number[]): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (!frame.includes("event: chunk")) continue;
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)![1]!) as { text: string };
      // Only the timed chunks (the DB-load part below writes plain tokens).
      const written = Number(data.text.split(" ")[0]);
      if (Number.isFinite(written)) delays.push(Date.now() - written);
    }
  }
}

async function main(): Promise<void> {
  const database = await startEmbeddedDb(DB_PORT);
  process.env.MONGODB_URI = `mongodb://127.0.0.1:${DB_PORT}`;
  process.env.MONGODB_DB = "chatcraft_bench_live";
  process.env.LOG_LEVEL = "error";
  const { ensureAllModels } = await import("@/models");
  const { getMongoClient, closeDb } = await import("@/lib/server/infra/db/client");
  const { liveEventsResponse } = await import("@/lib/server/services/live/live-response");
  const { closeLiveHub, liveHub } = await import("@/lib/server/services/live/hub");
  const { insertReplyChunk } = await import("@/models/reply-chunks");
  const { trackReplyProgress } = await import("@/lib/server/services/live/reply-progress");
  await ensureAllModels();
  await liveHub().ready();
  console.log(`bench:live — ${USERS * LISTENERS_PER_USER} listeners, ${REPLIES} replies × ${CHUNKS_PER_SECOND} chunks/s for ${STREAM_SECONDS} s; load ${load()}`);

  const users = Array.from({ length: USERS }, () => new ObjectId());
  const heapBefore = heapMb();
  const rssBefore = rssMb(process.pid);
  const delays: number[] = [];
  const aborters: AbortController[] = [];
  const reading: Promise<void>[] = [];
  for (const user of users) {
    for (let i = 0; i < LISTENERS_PER_USER; i++) {
      const aborter = new AbortController();
      aborters.push(aborter);
      const response = await liveEventsResponse(new Request("http://bench/api/v1/me/events", { signal: aborter.signal }), { userId: user.toHexString() });
      reading.push(listen(response, delays));
    }
  }
  const listeners = aborters.length;
  const heapPerListener = ((heapMb() - heapBefore) * 1024) / listeners;
  const rssPerListener = ((rssMb(process.pid) - rssBefore) * 1024) / listeners;

  // 20 replies (one per user) write chunks at the rate reply-progress batches them to.
  const cpuBefore = process.cpuUsage();
  const dbCpuBefore = cpuMs(database.child.pid!);
  const started = Date.now();
  const writers = users.slice(0, REPLIES).map(async (userId) => {
    const messageId = new ObjectId();
    const conversationId = new ObjectId();
    for (let seq = 1; Date.now() - started < STREAM_SECONDS * 1000; seq++) {
      await insertReplyChunk({ messageId, conversationId, userId, seq, text: `${Date.now()} token` });
      await new Promise((resolve) => setTimeout(resolve, 1000 / CHUNKS_PER_SECOND));
    }
  });
  await Promise.all(writers);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const appCpuPct = ((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 100;
  const dbCpuPct = ((cpuMs(database.child.pid!) - dbCpuBefore) / (elapsed * 1000)) * 100;

  // The extra database load of one streaming reply, through the real writer: tokens every 10 ms.
  const client = await getMongoClient();
  const commands = new Map<string, number>();
  const count = (event: { commandName: string }) => commands.set(event.commandName, (commands.get(event.commandName) ?? 0) + 1);
  client.on("commandStarted", count);
  const owner = users[0]!;
  const progress = trackReplyProgress({ owner, conversationId: new ObjectId(), replyId: new ObjectId(), saved: Promise.resolve() });
  const replyStart = Date.now();
  while (Date.now() - replyStart < 5_000) {
    progress.append("tok ");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await progress.finish();
  client.off("commandStarted", count);
  const replySeconds = (Date.now() - replyStart) / 1000;
  const perSecond = [...commands].map(([name, n]) => `${name} ${fixed(n / replySeconds)}`).join(", ");

  console.log(`listeners:            ${listeners} (${USERS} users × ${LISTENERS_PER_USER})`);
  console.log(`memory per listener:  ${fixed(heapPerListener)} KiB heap, ${fixed(rssPerListener)} KiB RSS`);
  console.log(`chunk events seen:    ${delays.length} (${REPLIES} replies × ~${CHUNKS_PER_SECOND}/s × ${LISTENERS_PER_USER} listeners each)`);
  console.log(`fan-out delay:        p50 ${fixed(median(delays))} ms, p99 ${fixed(percentile(delays, 99))} ms, max ${fixed(Math.max(...delays))} ms (write → listener; target p99 ≤ 50 ms)`);
  console.log(`CPU while streaming:  app ${fixed(appCpuPct)}% (${fixed((appCpuPct * 10) / listeners, 2)}‰ per listener), database ${fixed(dbCpuPct)}% of one core`);
  console.log(`DB load per reply:    ${perSecond} commands/s (tokens every 10 ms, ${fixed(replySeconds)} s)`);
  console.log(`load average after:   ${load()}`);

  for (const aborter of aborters) aborter.abort();
  await Promise.race([Promise.all(reading), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  await closeLiveHub();
  await closeDb();
  await database.stop();
  process.exit(0);
}

main().catch(async (error: unknown) => {
  console.error(error);
  process.exit(1);
});
