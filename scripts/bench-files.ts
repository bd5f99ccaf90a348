/**
 * `npm run bench:files` — attachments on the embedded server: 10 concurrent 10 MB uploads through
 * the upload path the route uses (multipart parsed as it streams → GridFS), then 10 concurrent
 * downloads, with this process's resident memory sampled throughout (it plays the app server;
 * the database runs as its own process). A benchmark, not a test: it prints numbers.
 */
import { createServer } from "node:net";
import { loadavg } from "node:os";
import { ObjectId } from "mongodb";
import { startEmbeddedDb } from "./bench/processes";

const FILES = 10;
const MB = 1024 * 1024;
const FILE_BYTES = 10 * MB;
const PIECE = 64 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A multipart body of one text file of FILE_BYTES, produced piece by piece (never whole). */
function multipartRequest(index: number): Request {
  const boundary = `----bench${index}`;
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${index}.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const piece = new Uint8Array(PIECE).fill(97);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(head),
    pull: (controller) => {
      if (sent >= FILE_BYTES) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      controller.enqueue(piece.subarray(0, Math.min(PIECE, FILE_BYTES - sent)));
      sent += PIECE;
    },
  });
  return new Request("http://bench/api/v1/attachments", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
}

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), peak) };
}

async function main(): Promise<void> {
  const port = await freePort();
  const db = await startEmbeddedDb(port);
  process.env.MONGODB_URI = `mongodb://127.0.0.1:${port}`;
  process.env.MONGODB_DB = "bench_files";
  process.env.ATTACHMENT_QUOTA_BYTES = String(FILES * FILE_BYTES * 2);
  const { storeUploads } = await import("@/lib/server/services/attachments/multipart");
  const { openAttachment } = await import("@/lib/server/services/attachments/attachment-service");
  const { closeDb } = await import("@/lib/server/infra/db/client");
  const { ensureAllModels } = await import("@/models");
  try {
    await ensureAllModels();
    const owner = new ObjectId();
    global.gc?.();
    const baseline = process.memoryUsage().rss;

    const upRss = sampleRss();
    const upStart = performance.now();
    const stored = await Promise.all(Array.from({ length: FILES }, (_, i) => storeUploads(owner, multipartRequest(i))));
    const upSeconds = (performance.now() - upStart) / 1000;
    const upPeak = upRss.stop();

    const downRss = sampleRss();
    const downStart = performance.now();
    const sizes = await Promise.all(
      stored.map(async ([doc]) => {
        let bytes = 0;
        for await (const chunk of (await openAttachment(owner, doc!._id.toHexString(), "original")).stream) bytes += (chunk as Buffer).length;
        return bytes;
      }),
    );
    const downSeconds = (performance.now() - downStart) / 1000;
    const downPeak = downRss.stop();
    if (sizes.some((size) => size !== FILE_BYTES)) throw new Error(`a download came back short: ${sizes.join(", ")}`);

    const total = (FILES * FILE_BYTES) / MB;
    const load = loadavg().map((n) => n.toFixed(2)).join(" ");
    console.log(`bench:files — ${FILES} concurrent uploads of ${FILE_BYTES / MB} MB, embedded server (load average ${load})`);
    console.log(`  upload:   ${total} MB in ${upSeconds.toFixed(2)} s = ${(total / upSeconds).toFixed(1)} MB/s; peak RSS ${(upPeak / MB).toFixed(0)} MB (baseline ${(baseline / MB).toFixed(0)} MB, +${((upPeak - baseline) / MB).toFixed(0)} MB)`);
    console.log(`  download: ${total} MB in ${downSeconds.toFixed(2)} s = ${(total / downSeconds).toFixed(1)} MB/s; peak RSS ${(downPeak / MB).toFixed(0)} MB`);
  } finally {
    await closeDb();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
