/**
 * `npm run bench:import [-- <MB>]` — the import reader over a generated ChatGPT conversations.json
 * (default about 200 MB: conversations of 40 turns of ~1 kB), read one conversation at a time as
 * an import job reads it, with this process's resident memory sampled throughout. Only reading and
 * flattening is measured (no database). A benchmark, not a test: it prints numbers.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { ImportReader } from "@/lib/server/services/import/read-import";

const TURN = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(18);

function conversation(c: number): string {
  const mapping: Record<string, unknown> = { root: { id: "root", parent: null, children: ["m0"], message: null } };
  for (let i = 0; i < 40; i += 1) {
    mapping[`m${i}`] = {
      id: `m${i}`,
      parent: i === 0 ? "root" : `m${i - 1}`,
      children: i < 39 ? [`m${i + 1}`] : [],
      message: { author: { role: i % 2 ? "assistant" : "user" }, create_time: 1.7e9 + c * 100 + i, content: { content_type: "text", parts: [TURN] }, metadata: {} },
    };
  }
  return JSON.stringify({ title: `Conversation ${c}`, create_time: 1.7e9 + c * 100, mapping, current_node: "m39", conversation_id: `id-${c}` });
}

async function generate(path: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("[");
  let written = 1;
  for (let c = 0; written < megabytes * 1024 * 1024; c += 1) {
    const piece = (c ? "," : "") + conversation(c);
    written += piece.length;
    if (!out.write(piece)) await once(out, "drain");
  }
  out.end("]");
  await once(out, "finish");
}

async function main(): Promise<void> {
  const megabytes = Number(process.argv[2] ?? 200);
  const path = join(tmpdir(), `bench-import-${process.pid}.json`);
  await generate(path, megabytes);
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const reader = new ImportReader(createReadStream(path), 10_000);
  let conversations = 0;
  let messages = 0;
  for await (const event of reader.events()) {
    if (event.kind === "item" && event.item.ok) {
      conversations += 1;
      messages += event.item.conversation.messages.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await rm(path, { force: true });
  const mb = reader.bytesRead / (1024 * 1024);
  console.log(`read ${mb.toFixed(1)} MB: ${conversations} conversations, ${messages} messages in ${seconds.toFixed(1)} s (${(mb / seconds).toFixed(1)} MB/s)`);
  console.log(`resident memory: ${Math.round(startRss / 1048576)} MB before, ${Math.round(peak / 1048576)} MB peak; load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
}

void main();
