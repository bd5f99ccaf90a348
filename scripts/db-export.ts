/**
 * `npm run db:export -- [folder] [--uri mongodb://…] [--db name]` — streams every collection of
 * the database to `<folder>/<collection>.ndjson` (canonical Extended JSON, one document per line)
 * and writes `manifest.json` with each collection's options and indexes (format: db-archive.ts).
 * Memory stays bounded: documents go from the cursor to the file one batch at a time.
 */
import { createWriteStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { EJSON, type Document } from "bson";
import type { Db } from "mongodb";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_FILE, fileFor, toEjsonObject, writeManifest, type ManifestCollection } from "./db-archive";
import { createProgress, peakRssMb, type Progress } from "./db-progress";
import { openTarget } from "./db-target";

const BATCH_SIZE = 1_000;

/** Index specs as createIndexes takes them back: no version or namespace, never the _id index. */
function portableIndexes(specs: Document[]): ManifestCollection["indexes"] {
  return specs
    .filter((spec) => spec.name !== "_id_")
    .map((spec) => {
      const { v: _v, ns: _ns, ...rest } = spec;
      return toEjsonObject(rest) as ManifestCollection["indexes"][number];
    });
}

async function exportCollection(db: Db, name: string, options: Document, dir: string, progress: Progress): Promise<ManifestCollection> {
  const coll = db.collection(name);
  const file = fileFor(name);
  progress.start(name, await coll.estimatedDocumentCount());
  // Keep every BSON type as stored: Int32/Double/Long wrappers and BSON regular expressions.
  const cursor = coll.find({}, { batchSize: BATCH_SIZE, promoteValues: false, promoteLongs: false, bsonRegExp: true });
  let documents = 0;
  await pipeline(
    cursor.stream(),
    async function* toLines(source: AsyncIterable<Document>) {
      for await (const doc of source) {
        documents += 1;
        progress.update(documents);
        yield `${EJSON.stringify(doc, { relaxed: false })}\n`;
      }
    },
    createWriteStream(join(dir, file)),
  );
  progress.finish(name, documents);
  return { name, file, documents, options: toEjsonObject(options), indexes: portableIndexes(await coll.listIndexes().toArray()) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { uri: { type: "string" }, db: { type: "string" } }, allowPositionals: true });
  const dir = resolve(positionals[0] ?? `db-export-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  if (existsSync(join(dir, MANIFEST_FILE))) throw new Error(`${dir} already holds an export; choose another folder.`);
  await mkdir(dir, { recursive: true });
  const target = await openTarget(values);
  const started = Date.now();
  try {
    const infos = await target.db.listCollections({ type: "collection" }, { nameOnly: false }).toArray();
    const names = infos.filter((info) => !info.name.startsWith("system.")).sort((a, b) => a.name.localeCompare(b.name));
    const progress = createProgress("exporting");
    const collections: ManifestCollection[] = [];
    for (const info of names) collections.push(await exportCollection(target.db, info.name, (info as Document).options ?? {}, dir, progress));
    // Written last: its presence says every collection file is complete.
    await writeManifest(dir, { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, database: target.db.databaseName, exportedAt: new Date().toISOString(), collections });
    const total = collections.reduce((sum, c) => sum + c.documents, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Exported ${total} documents in ${collections.length} collections from ${target.description} to ${dir} in ${seconds} s (peak RSS ${peakRssMb()} MB).`);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
