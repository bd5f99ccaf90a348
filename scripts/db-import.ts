/**
 * `npm run db:import -- <folder> [--drop | --force] [--uri mongodb://…] [--db name]` — loads a
 * db:export folder: creates each collection with its options (validator…), streams its
 * documents in batches, then builds its indexes. Refuses a database that already holds
 * documents unless `--drop` (drop the exported collections first) or `--force` (add to them;
 * documents whose _id exists are skipped and counted).
 */
import { createReadStream } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { EJSON, type Document } from "bson";
import { MongoBulkWriteError, type Db } from "mongodb";
import { fromEjsonObject, readManifest, type ManifestCollection } from "./db-archive";
import { createProgress, peakRssMb, type Progress } from "./db-progress";
import { openTarget } from "./db-target";

const BATCH_SIZE = 1_000;
const DUPLICATE_KEY = 11000;

interface Counts {
  inserted: number;
  skipped: number;
}

/** Collections that already hold documents, with a count (at most one document is read from each). */
async function nonEmptyCollections(db: Db): Promise<string[]> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith("system."));
  const found: string[] = [];
  for (const name of names) if (await db.collection(name).findOne({}, { projection: { _id: 1 } })) found.push(name);
  return found;
}

async function prepareCollection(db: Db, entry: ManifestCollection): Promise<void> {
  const options = fromEjsonObject(entry.options);
  const exists = (await db.listCollections({ name: entry.name }, { nameOnly: true }).toArray()).length > 0;
  if (!exists) {
    await db.createCollection(entry.name, options);
    return;
  }
  // An empty collection the app created at start-up: bring its validator in line with the export.
  const { validator, validationLevel, validationAction } = options;
  if (validator) await db.command({ collMod: entry.name, validator, validationLevel, validationAction });
}

async function insertBatch(db: Db, name: string, batch: Document[], counts: Counts): Promise<void> {
  try {
    // The documents were valid when exported; a validator changed since must not drop any of them.
    const result = await db.collection(name).insertMany(batch, { ordered: false, bypassDocumentValidation: true });
    counts.inserted += result.insertedCount;
  } catch (error) {
    const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
    if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
    counts.inserted += (error as MongoBulkWriteError).result.insertedCount;
    counts.skipped += writeErrors.length;
  }
}

async function importCollection(db: Db, dir: string, entry: ManifestCollection, progress: Progress): Promise<Counts> {
  await prepareCollection(db, entry);
  progress.start(entry.name, entry.documents);
  const counts: Counts = { inserted: 0, skipped: 0 };
  const lines = createInterface({ input: createReadStream(join(dir, entry.file)), crlfDelay: Infinity });
  let batch: Document[] = [];
  let read = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    batch.push(EJSON.parse(line, { relaxed: false }) as Document);
    read += 1;
    progress.update(read);
    if (batch.length >= BATCH_SIZE) {
      await insertBatch(db, entry.name, batch, counts);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(db, entry.name, batch, counts);
  if (read !== entry.documents) throw new Error(`${entry.file} holds ${read} documents, the manifest says ${entry.documents}: the export is damaged.`);
  if (entry.indexes.length) await db.collection(entry.name).createIndexes(entry.indexes.map((spec) => fromEjsonObject(spec) as never));
  progress.finish(entry.name, read);
  return counts;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { uri: { type: "string" }, db: { type: "string" }, drop: { type: "boolean", default: false }, force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (!positionals[0]) throw new Error("usage: npm run db:import -- <export folder> [--drop | --force] [--uri mongodb://…] [--db name]");
  if (values.drop && values.force) throw new Error("--drop and --force exclude each other: --drop replaces the exported collections, --force adds to them.");
  const dir = resolve(positionals[0]);
  const manifest = await readManifest(dir);
  const target = await openTarget(values);
  const started = Date.now();
  try {
    const occupied = await nonEmptyCollections(target.db);
    if (occupied.length && !values.drop && !values.force) {
      console.error(
        `Refusing to import into ${target.description}: it already holds documents in ${occupied.join(", ")}.\n` +
          "  --drop  drops the exported collections first (their current documents are lost)\n" +
          "  --force adds the export to what is there (documents whose _id exists are skipped)",
      );
      return 1;
    }
    if (values.drop) for (const entry of manifest.collections) await target.db.collection(entry.name).drop().catch(() => false);
    const progress = createProgress("importing");
    const totals: Counts = { inserted: 0, skipped: 0 };
    for (const entry of manifest.collections) {
      const counts = await importCollection(target.db, dir, entry, progress);
      totals.inserted += counts.inserted;
      totals.skipped += counts.skipped;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const skipped = totals.skipped ? `, skipped ${totals.skipped} whose _id already existed` : "";
    console.log(`Imported ${totals.inserted} documents in ${manifest.collections.length} collections into ${target.description}${skipped} in ${seconds} s (peak RSS ${peakRssMb()} MB).`);
    return 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
