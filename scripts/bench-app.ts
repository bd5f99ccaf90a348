/**
 * `npm run bench:app [-- --rebuild] [-- --profile]` — the app benchmark of issue 11. Builds the
 * production app (and a bare Next.js "floor" app) if needed, starts them on the embedded
 * database with a fake Gemini, and prints side by side: time to first token straight to the
 * fake, through a bare Next.js route handler and through the app (1 and 20 at once); CPU per
 * reply; the chat page at 10 / 1,000 / 10,000 messages; JavaScript per page; RSS idle and
 * under 50 concurrent streams. A benchmark, not a test: it prints numbers, never fails on them.
 * `--profile` runs next-server and the embedded database with `--cpu-prof` and stops after the
 * reply runs (profiles land in .bench-profiles/<process>/; summarise one with scripts/bench/profile-summary.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { MongoClient, type ObjectId } from "mongodb";
import { appReply, directReply, floorReply, getPage, pageScriptBytes, signIn, type Session, type Timed } from "./bench/http";
import { cpuMs, NEXT_BIN, rssMb, startEmbeddedDb, startFakeGeminiProcess, startNext, type Started } from "./bench/processes";
import { seedConversation, seedSession, seedUser } from "./bench/seed";
import { fixed, median, percentile, pool } from "./bench/stats";

const APP_PORT = 3180;
const FLOOR_PORT = 3182;
const DB_PORT = 3183;
const GEMINI_PORT = 4490;
const DB_NAME = "chatcraft_bench";
const GEMINI = `http://127.0.0.1:${GEMINI_PORT}`;
const FLOOR_DIR = "scripts/bench/floor-app";
const PAGE_SIZES = [10, 1_000, 10_000];
const SEQUENTIAL = 100;
const CONCURRENT = 20;
const CONCURRENT_TOTAL = 100;
const STREAMS = 50;

const METRICS_TOKEN = "bench-metrics-token";

const args = new Set(process.argv.slice(2));
const running: Started[] = [];

function load(): string {
  return loadavg().map((value) => value.toFixed(2)).join(" / ");
}

function buildIfNeeded(dir: string): void {
  if (!args.has("--rebuild") && existsSync(join(dir, ".next", "BUILD_ID"))) return;
  console.log(`building ${dir} …`);
  execFileSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: "inherit" });
}

interface Processes {
  app: Started;
  floor: Started;
  database: Started;
  gemini: Started;
}

async function start(): Promise<{ processes: Processes; session: Session; db: MongoClient; owner: ObjectId }> {
  // One directory per process: each of its threads (tsx's loader thread too) writes a profile.
  const profileArgs = (name: string) => {
    if (!args.has("--profile")) return [];
    const dir = resolve(".bench-profiles", name);
    mkdirSync(dir, { recursive: true });
    return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
  };
  const database = await startEmbeddedDb(DB_PORT, profileArgs("database"));
  running.push(database);
  const gemini = await startFakeGeminiProcess(GEMINI_PORT);
  running.push(gemini);
  const uri = `mongodb://127.0.0.1:${DB_PORT}`;
  const app = await startNext(".", APP_PORT, {
    ...process.env,
    NODE_ENV: "production",
    MONGODB_URI: uri,
    MONGODB_DB: DB_NAME,
    CHATCRAFT_DB_KIND: "embedded",
    AUTH_SECRET: "bench-only-secret-not-for-production-0123456789",
    GEMINI_API_KEY: "bench-key",
    GEMINI_BASE_URL: GEMINI,
    GEMINI_MODEL: "gemini-bench",
    LOG_LEVEL: "warn",
    // One bench user sends hundreds of messages a minute; the limit check itself still runs.
    CHAT_RATE_LIMIT_PER_MINUTE: "1000000",
    // Read once before and once after the sequential replies: database commands per reply.
    METRICS_TOKEN,
  }, profileArgs("next-server"));
  running.push(app);
  const floor = await startNext(FLOOR_DIR, FLOOR_PORT, {
    ...process.env,
    NODE_ENV: "production",
    FAKE_GEMINI_URL: GEMINI,
    FLOOR_MONGODB_URI: uri,
    FLOOR_MONGODB_DB: DB_NAME,
  });
  running.push(floor);
  const db = await MongoClient.connect(uri);
  const user = await seedUser(db.db(DB_NAME));
  const session = await signIn(`http://127.0.0.1:${APP_PORT}`, user.username, user.password);
  return { processes: { app, floor, database, gemini }, session, db, owner: user.id };
}

/** MongoDB commands the app has sent so far, by command name (from its own /api/metrics). */
async function commandCounts(): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${APP_PORT}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const counts = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    const match = /^chatcraft_mongodb_command_duration_seconds_count\{(.*)\} (\d+)/.exec(line);
    const command = match && /command="([^"]+)"/.exec(match[1]!)?.[1];
    if (command) counts.set(command, (counts.get(command) ?? 0) + Number(match[2]));
  }
  return counts;
}

function perReply(before: Map<string, number>, after: Map<string, number>, replies: number): string {
  const rows = [...after].map(([command, n]) => [command, (n - (before.get(command) ?? 0)) / replies] as const).filter(([, n]) => n > 0);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  return `${fixed(total)} (${rows.sort((a, b) => b[1] - a[1]).map(([command, n]) => `${command} ${fixed(n)}`).join(", ")})`;
}

const pidOf = (started: Started) => started.child.pid!;

interface LatencyRow {
  label: string;
  p50: number;
  p99: number;
  failed: number;
}

function row(label: string, results: Timed[]): LatencyRow {
  const times = results.map((result) => result.ttftMs);
  return { label, p50: median(times), p99: percentile(times, 99), failed: results.filter((result) => !result.completed).length };
}

/** CPU ms per call of `run` (n calls) used by each named process. */
async function cpuPer<T>(processes: Record<string, Started>, n: number, run: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, cpuMs(pidOf(p))]));
  const result = await run();
  const cpu = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, (cpuMs(pidOf(p)) - before[name]!) / n]));
  return { result, cpu };
}

/** What the floor route with the database work needs: its own conversations, and a session record. */
interface FloorData {
  owner: ObjectId;
  sessionId: string;
  conversations: string[];
}

async function ttft(session: Session, conversations: string[], processes: Processes, floorData: FloorData) {
  const text = (i: number) => `Bench question ${i}: why does my Wi-Fi drop?`;
  const app = (i: number) => appReply(session, conversations[i % conversations.length]!, text(i));
  const direct = (i: number) => directReply(GEMINI, text(i));
  const floor = (i: number) => floorReply(`http://127.0.0.1:${FLOOR_PORT}`, text(i));
  const proxied = (i: number) => floorReply(`http://127.0.0.1:${FLOOR_PORT}`, text(i), "/api/floor-proxied");
  const withDb = (i: number) => {
    const query = new URLSearchParams({ user: floorData.owner.toHexString(), session: floorData.sessionId, conversation: floorData.conversations[i % floorData.conversations.length]! });
    return floorReply(`http://127.0.0.1:${FLOOR_PORT}`, text(i), `/api/floor-db?${query}`);
  };
  await pool(20, 4, app); // Warm-up: JIT, connection pools, route compilation caches.
  await pool(20, 4, direct);
  await pool(20, 4, floor);
  await pool(20, 4, proxied);
  await pool(20, 4, withDb);

  const { gemini, database } = processes;
  const directRun = await cpuPer({ gemini }, SEQUENTIAL, () => pool(SEQUENTIAL, 1, direct));
  const floorRun = await cpuPer({ floor: processes.floor, gemini }, SEQUENTIAL, () => pool(SEQUENTIAL, 1, floor));
  const proxiedRun = await cpuPer({ floor: processes.floor }, SEQUENTIAL, () => pool(SEQUENTIAL, 1, proxied));
  const withDbRun = await cpuPer({ floor: processes.floor, database }, SEQUENTIAL, () => pool(SEQUENTIAL, 1, withDb));
  const commandsBefore = await commandCounts();
  const appRun = await cpuPer({ app: processes.app, database, gemini }, SEQUENTIAL, () => pool(SEQUENTIAL, 1, app));
  const commands = perReply(commandsBefore, await commandCounts(), SEQUENTIAL);
  const sequential = { direct: directRun.result, floor: floorRun.result, proxied: proxiedRun.result, withDb: withDbRun.result, app: appRun.result };
  const cpu = { app: appRun.cpu, floor: floorRun.cpu.floor!, proxied: proxiedRun.cpu.floor!, withDb: withDbRun.cpu, gemini: directRun.cpu.gemini! };
  const concurrent = {
    direct: await pool(CONCURRENT_TOTAL, CONCURRENT, direct),
    floor: await pool(CONCURRENT_TOTAL, CONCURRENT, floor),
    proxied: await pool(CONCURRENT_TOTAL, CONCURRENT, proxied),
    withDb: await pool(CONCURRENT_TOTAL, CONCURRENT, withDb),
    app: await pool(CONCURRENT_TOTAL, CONCURRENT, app),
  };
  return { sequential, concurrent, cpu, commands };
}

async function pages(session: Session, ids: Map<number, string>) {
  const rows = [];
  for (const [size, id] of ids) {
    await getPage(session, `/chat/${id}`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const { ms, html } = await getPage(session, `/chat/${id}`);
      times.push(ms);
      bytes = Buffer.byteLength(html);
    }
    rows.push({ size, ms: median(times), p90: percentile(times, 90), kb: bytes / 1024 });
  }
  return rows;
}

async function scriptBytes(session: Session, chatId: string) {
  const signedOut: Session = { base: session.base, cookie: "" };
  const out: { path: string; kb: number }[] = [];
  for (const [path, who] of [["/login", signedOut], ["/dashboard", session], ["/roles", session], [`/chat/${chatId}`, session]] as const) {
    const { html } = await getPage(who, path);
    out.push({ path: path.startsWith("/chat/") ? "/chat/<id>" : path, kb: (await pageScriptBytes(who, html)) / 1024 });
  }
  return out;
}

async function streams(session: Session, conversations: string[], pid: number, fresh: number) {
  const idle = rssMb(pid);
  // Each stream lasts ~2 s (40 chunks, 50 ms apart) so all 50 are open at once.
  const steps = Array.from({ length: STREAMS }, () => ({ whenLastUserIncludes: "long-stream", chunks: Array.from({ length: 40 }, (_, i) => `word${i} `), delayMs: 50 }));
  await fetch(`${GEMINI}/__script`, { method: "POST", body: JSON.stringify(steps) });
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const results = await pool(STREAMS, STREAMS, (i) => appReply(session, conversations[i % conversations.length]!, `long-stream ${i}`));
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  return { fresh, idle, peak, completed: results.filter((result) => result.completed).length };
}

function printLatency(title: string, rows: LatencyRow[]): void {
  console.log(`\n${title}`);
  console.log("| path | p50 ms | p99 ms | failed |\n| --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.label} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${r.failed} |`);
  const [direct, floor, proxied, withDb, app] = rows;
  const over = (base: LatencyRow) => `p50 ${fixed(app!.p50 - base.p50)} ms, p99 ${fixed(app!.p99 - base.p99)} ms`;
  console.log(`added by the app over direct: ${over(direct!)}; over the bare Next.js floor: ${over(floor!)}; ` +
    `over the floor behind a proxy: ${over(proxied!)}; over the floor with the database work: ${over(withDb!)}`);
}

/**
 * One database round trip from a Node client, as the app makes them: a point read by _id and a
 * majority insert, one at a time — the unit of the database work before the first token.
 */
async function roundTrips(db: MongoClient, owner: ObjectId): Promise<{ read: number; insert: number }> {
  const users = db.db(DB_NAME).collection("users");
  const scratch = db.db(DB_NAME).collection<{ n: number }>("bench_round_trips");
  const time = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    return median(times.slice(50));
  };
  const read = await time(() => users.findOne({ _id: owner }));
  let n = 0;
  const insert = await time(() => scratch.insertOne({ n: n++ }, { writeConcern: { w: "majority" } }));
  await scratch.drop();
  return { read, insert };
}

async function main(): Promise<void> {
  buildIfNeeded(".");
  buildIfNeeded(FLOOR_DIR);
  console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}; load at start ${load()}`);
  const { processes, session, db, owner } = await start();
  const { app } = processes;
  try {
    const freshRss = rssMb(app.child.pid!);
    const replyConversations: string[] = [];
    for (let i = 0; i < CONCURRENT; i++) replyConversations.push((await seedConversation(db.db(DB_NAME), owner, 10)).toHexString());
    const pageIds = new Map<number, string>();
    for (const size of PAGE_SIZES) pageIds.set(size, (await seedConversation(db.db(DB_NAME), owner, size)).toHexString());

    const floorData: FloorData = { owner, sessionId: await seedSession(db.db(DB_NAME), owner), conversations: [] };
    for (let i = 0; i < CONCURRENT; i++) floorData.conversations.push((await seedConversation(db.db(DB_NAME), owner, 10)).toHexString());
    const trips = await roundTrips(db, owner);
    const latency = await ttft(session, replyConversations, processes, floorData);
    if (args.has("--profile")) {
      console.log(`CPU per reply ${fixed(latency.cpu.app.app!)} ms (profiled); profiles are written to .bench-profiles/<process>/ as the servers stop`);
      return;
    }
    const loadAfterTtft = load();
    const pageRows = await pages(session, pageIds);
    const js = await scriptBytes(session, pageIds.get(10)!);
    const rss = await streams(session, replyConversations, app.child.pid!, freshRss);

    const label = (set: { direct: Timed[]; floor: Timed[]; proxied: Timed[]; withDb: Timed[]; app: Timed[] }): LatencyRow[] => [
      row("straight to the fake Gemini", set.direct),
      row("bare Next.js route handler (floor)", set.floor),
      row("the same behind a pass-through proxy.ts", set.proxied),
      row("the floor plus the database work a reply cannot skip", set.withDb),
      row("ChatCraft /api/chat/:id/reply", set.app),
    ];
    printLatency(`Time to first token, 1 at a time (${SEQUENTIAL} each; load ${loadAfterTtft})`, label(latency.sequential));
    printLatency(`Time to first token, ${CONCURRENT} at once (${CONCURRENT_TOTAL} each)`, label(latency.concurrent));
    const { cpu } = latency;
    console.log(`\nCPU ms per reply (user+sys over the ${SEQUENTIAL} sequential replies, by process)`);
    console.log("| process | through the app | floor | floor behind a proxy | floor with the database work | straight to the fake |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    console.log(`| next-server | ${fixed(cpu.app.app!)} | ${fixed(cpu.floor)} | ${fixed(cpu.proxied)} | ${fixed(cpu.withDb.floor!)} | — |`);
    console.log(`| embedded database | ${fixed(cpu.app.database!)} | — | — | ${fixed(cpu.withDb.database!)} | — |`);
    console.log(`| fake Gemini | ${fixed(cpu.app.gemini!)} | — | — | — | ${fixed(cpu.gemini)} |`);
    console.log(`database commands per reply: ${latency.commands}`);
    console.log(`one database round trip from a Node client, p50: point read by _id ${fixed(trips.read, 2)} ms, majority insert ${fixed(trips.insert, 2)} ms`);
    console.log("\nChat page GET /chat/<id> (10 runs each, time to last byte)\n| messages | p50 ms | p90 ms | HTML KB |\n| --- | --- | --- | --- |");
    for (const r of pageRows) console.log(`| ${r.size.toLocaleString("en-US")} | ${fixed(r.ms)} | ${fixed(r.p90)} | ${fixed(r.kb)} |`);
    console.log(`10,000 vs 10 messages: ${fixed(pageRows.at(-1)!.ms / pageRows[0]!.ms, 2)}× the time`);
    console.log("\nJavaScript named by the page (decoded)\n| page | KB | × /login |\n| --- | --- | --- |");
    for (const r of js) console.log(`| ${r.path} | ${fixed(r.kb)} | ${fixed(r.kb / js[0]!.kb, 2)} |`);
    console.log(`\nnext-server RSS: just started ${fixed(rss.fresh)} MB; idle after the runs above ${fixed(rss.idle)} MB; peak during ${STREAMS} concurrent streams ${fixed(rss.peak)} MB; completed ${rss.completed}/${STREAMS}`);
    console.log(`load at end ${load()}`);
  } finally {
    await db.close();
    for (const started of running.reverse()) await started.stop();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  for (const started of running.reverse()) await started.stop().catch(() => {});
  process.exit(1);
});
