/**
 * `npm run bench:live` — issue 18's benchmark: 200 live listeners on one instance (this process:
 * the real hub and SSE responses, on the embedded database in its own process) while 20 replies
 * stream. Prints the memory and CPU per listener, the fan-out delay from a chunk's write to its
 * arrival at a listener (p50/p99; target ≤ 50 ms p99) split at the hub (write → the hub has the
 * change: database + driver; hub → listener: framing, queueing, reading), the delay from a
 * model's piece of text to a listener through the real reply-progress writer (its write
 * cadence included), and the extra database commands per streaming reply (chunks + heartbeats).
 * A benchmark, not a test: it prints numbers, never fails on them.
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
/** Users whose events a probe listener on the hub itself also times (write → hub). */
const PROBED_USERS = 5;
/** The model phase: a piece of text every this many ms (Gemini streams pieces ~50–300 ms apart). */
const PIECE_MS = 80;
const MODEL_SECONDS = 5;

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

/** Every `<ms since epoch>` at the start of a space-separated word of a chunk's text. */
function stampsIn(text: string): number[] {
  return text
    .split(" ")
    .map((word) => (/^\d{13}$/.test(word) ? Number(word) : NaN))
    .filter(Number.isFinite);
}

function chunkText(frame: string): string | undefined {
  if (!frame.includes("event: chunk")) return undefined;
  return (JSON.parse(/^data: (.*)$/m.exec(frame)![1]!) as { text: string }).text;
}

/** Reads one SSE body, timing every stamp in the chunk events' text. */
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
      const text = chunkText(frame);
      // Only the timed chunks (the DB-load part below writes plain tokens).
      if (text !== undefined) for (const stamp of stampsIn(text)) delays.push(Date.now() - stamp);
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
  // Probes on the hub itself (not SSE): when the change reached this process, before any framing is read.
  const hubDelays: number[] = [];
  const decoder = new TextDecoder();
  for (const user of users.slice(0, PROBED_USERS)) {
    liveHub().add({
      userId: user.toHexString(),
      deliver: (frame) => {
        for (const stamp of stampsIn(chunkText(decoder.decode(frame)) ?? "")) hubDelays.push(Date.now() - stamp);
        return true;
      },
      close: () => undefined,
    });
  }
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
      await insertReplyChunk({ messageId, conversationId, userId, seq, text: `${Date.now()} token ` });
      await new Promise((resolve) => setTimeout(resolve, 1000 / CHUNKS_PER_SECOND));
    }
  });
  await Promise.all(writers);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const appCpuPct = ((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 100;
  const dbCpuPct = ((cpuMs(database.child.pid!) - dbCpuBefore) / (elapsed * 1000)) * 100;
  const writeDelays = delays.splice(0);
  const toHub = hubDelays.splice(0);

  // The model phase: 20 replies through the real writer, a stamped piece of text every PIECE_MS.
  const modelStart = Date.now();
  await Promise.all(
    users.slice(0, REPLIES).map(async (owner) => {
      const progress = trackReplyProgress({ owner, conversationId: new ObjectId(), replyId: new ObjectId(), saved: Promise.resolve() });
      while (Date.now() - modelStart < MODEL_SECONDS * 1000) {
        progress.append(`${Date.now()} piece `);
        await new Promise((resolve) => setTimeout(resolve, PIECE_MS));
      }
      await progress.finish();
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const pieceDelays = delays.splice(0);

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
  const spread = (values: number[]) => `p50 ${fixed(median(values))} ms, p99 ${fixed(percentile(values, 99))} ms, max ${fixed(Math.max(...values))} ms`;
  console.log(`chunk events seen:    ${writeDelays.length} (${REPLIES} replies × ~${CHUNKS_PER_SECOND}/s × ${LISTENERS_PER_USER} listeners each)`);
  console.log(`fan-out delay:        ${spread(writeDelays)} (write → listener; target p99 ≤ 50 ms)`);
  console.log(`  of which to the hub: ${spread(toHub)} (write → this process has the change; ${toHub.length} probed)`);
  console.log(`model piece → listener: ${spread(pieceDelays)} (through reply-progress, a piece every ${PIECE_MS} ms; ${pieceDelays.length} seen)`);
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
