/**
 * `npm run bench:search [-- --messages 1000000] [-- --queries 40]` — search at scale (issue 19):
 * seeds one user's conversations and messages (100 messages a conversation; plus 10 % noise from
 * other users) through the driver, then prints the search service's p50/p95 for one-, two- and
 * three-word queries and a phrase, the messages text index's build time and the heap it holds,
 * and what the text index adds to one insertOne. On the embedded server (started in this process,
 * so its heap is measurable) unless MONGODB_URI is set — then the same against that server.
 * A benchmark, not a test: it prints numbers, never fails on them.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { ObjectId, type Db } from "mongodb";
import { startEmbeddedMongo, type EmbeddedMongo } from "@/tools/embedded-mongo";
import { closeDb } from "@/lib/server/infra/db/client";
import { resetEnvCache } from "@/lib/server/infra/env";
import { search } from "@/lib/server/services/search/search-service";
import { ensureAllModels } from "@/models";
import { fixed, median, percentile } from "./bench/stats";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const MESSAGES = option("messages", 1_000_000);
const QUERIES = option("queries", 40);
const PER_CONVERSATION = 100;
const BATCH = 5_000;

/** A Zipf-like vocabulary: a few words are everywhere, most are rare (as in real chat). */
const VOCABULARY = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}${"aeiou"[i % 5]}${"rstln"[(i >> 3) % 5]}`);
const COMMON = ["pension", "invest", "garden", "router", "budget", "travel", "recipe", "fitness"];
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const word = () => (random() < 0.08 ? COMMON[Math.floor(random() * COMMON.length)]! : VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!);
const sentence = () => Array.from({ length: 8 + Math.floor(random() * 16) }, word).join(" ");

const load = () => loadavg().map((v) => v.toFixed(2)).join(" / ");
const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function seedOwner(db: Db, owner: ObjectId, messages: number): Promise<void> {
  const conversations = Math.max(1, Math.ceil(messages / PER_CONVERSATION));
  const start = Date.UTC(2025, 0, 1);
  const convs = Array.from({ length: conversations }, (_, c) => ({ _id: new ObjectId(), c }));
  for (let i = 0; i < convs.length; i += BATCH) {
    await db.collection("conversations").insertMany(
      convs.slice(i, i + BATCH).map(({ _id, c }) => ({
        _id, userId: owner, roleId: "financial-advisor", roleName: "Financial Advisor", roleIcon: "piggy-bank", instructions: "", fields: [], details: {},
        title: `${word()} ${word()} plan ${c}`, titleSource: "user", createdAt: new Date(start), updatedAt: new Date(start), lastMessageAt: new Date(start), messageCount: PER_CONVERSATION,
      })),
    );
  }
  let batch: Record<string, unknown>[] = [];
  for (let m = 0; m < messages; m += 1) {
    const conversation = convs[m % conversations]!;
    batch.push({ conversationId: conversation._id, userId: owner, sender: m % 2 ? "ai" : "user", kind: "message", message: sentence(), timestamp: new Date(start + m * 1000), status: "complete" });
    if (batch.length === BATCH) {
      await db.collection("messages").insertMany(batch, { ordered: false });
      batch = [];
      if ((m + 1) % 100_000 === 0) console.log(`  … ${(m + 1).toLocaleString("en-US")} messages (load ${load()})`);
    }
  }
  if (batch.length) await db.collection("messages").insertMany(batch, { ordered: false });
}

async function timeQueries(owner: ObjectId, label: string, make: () => string): Promise<void> {
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < QUERIES; i += 1) {
    const q = make();
    const started = performance.now();
    const result = await search(owner, { q });
    times.push(performance.now() - started);
    groups += result.groups.length;
  }
  console.log(`  ${label.padEnd(22)} p50 ${fixed(median(times)).padStart(7)} ms   p95 ${fixed(percentile(times, 95)).padStart(7)} ms   (avg ${fixed(groups / QUERIES)} groups; load ${load()})`);
}

async function insertOverhead(db: Db, owner: ObjectId): Promise<number> {
  const coll = db.collection("messages");
  const timeInserts = async () => {
    const started = performance.now();
    for (let i = 0; i < 500; i += 1) await coll.insertOne({ conversationId: new ObjectId(), userId: owner, sender: "user", kind: "message", message: sentence(), timestamp: new Date(), status: "complete" });
    return (performance.now() - started) / 500;
  };
  const withText = await timeInserts();
  await coll.dropIndex("userId_message_text");
  const without = await timeInserts();
  const build = performance.now();
  const before = heapMb();
  await coll.createIndex({ userId: 1, message: "text" }, { name: "userId_message_text" });
  const buildMs = performance.now() - build;
  console.log(`\ntext index build over ${(await coll.estimatedDocumentCount()).toLocaleString("en-US")} messages: ${fixed(buildMs / 1000, 1)} s${embedded ? `, heap +${fixed(heapMb() - before, 0)} MB` : ""} (load ${load()})`);
  console.log(`insertOne: ${fixed(withText, 3)} ms with the text index, ${fixed(without, 3)} ms without: +${fixed(withText - without, 3)} ms per message`);
  return withText - without;
}

let embedded: EmbeddedMongo | undefined;

async function main(): Promise<void> {
  if (!process.env.MONGODB_URI) {
    embedded = await startEmbeddedMongo({ quiet: true });
    process.env.MONGODB_URI = embedded.uri;
  }
  process.env.MONGODB_DB = `chatcraft_bench_search_${Date.now()}`;
  process.env.SEARCH_RATE_LIMIT_PER_MINUTE = "1000000";
  resetEnvCache();
  console.log(`bench:search on ${embedded ? "the embedded server" : process.env.MONGODB_URI}: ${MESSAGES.toLocaleString("en-US")} messages for one user + 10 % noise (load ${load()})`);
  const db = await ensureAllModels();
  const owner = new ObjectId();
  const seeded = performance.now();
  const heapBefore = heapMb();
  await seedOwner(db, owner, MESSAGES);
  await seedOwner(db, new ObjectId(), Math.ceil(MESSAGES / 10));
  console.log(`seeded in ${fixed((performance.now() - seeded) / 1000)} s (indexes kept current on every insert)${embedded ? `; heap ${fixed(heapMb() - heapBefore, 0)} MB for documents and indexes` : ""}`);
  console.log(`\nsearch service (${QUERIES} queries each):`);
  const rare = () => VOCABULARY[200 + Math.floor(random() * 2_000)]!;
  await timeQueries(owner, "1 word (common)", () => COMMON[Math.floor(random() * COMMON.length)]!);
  await timeQueries(owner, "1 word (rarer)", rare);
  await timeQueries(owner, "2 words", () => `${word()} ${rare()}`);
  await timeQueries(owner, "3 words", () => `${word()} ${word()} ${rare()}`);
  await timeQueries(owner, "phrase", () => `"${word()} ${word()}"`);
  await insertOverhead(db, owner);
  await db.dropDatabase();
}

main()
  .catch((error: unknown) => {
    console.error("bench:search failed:", error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeDb();
    await embedded?.stop();
  });
