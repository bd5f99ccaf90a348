/**
 * `npm run db:export` / `db:import` through the real scripts against this run's server: 100,000
 * documents of mixed BSON types go out and come back identical (compared as canonical Extended
 * JSON, so every type counts), with the validator and indexes; a non-empty target is refused
 * unless --drop or --force; memory stays bounded (the scripts report their peak RSS).
 */
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Binary, Decimal128, Double, EJSON, Int32, Long, ObjectId, deserialize, type Document } from "bson";
import { MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "@/tools/embedded-mongo";
import { useTestDatabase } from "../helpers/mongo";
import { runScript, type ScriptResult } from "./support/run-script";

const t = useTestDatabase();
const COUNT = 100_000;
const BASE = Date.UTC(2025, 0, 1);
/** Measured 198 MB (export) and 134 MB (import) for 100k documents, ~110 MB of it Node + tsx + driver. */
const MAX_RSS_MB = 300;
const target = () => t.client().db(`${t.name}_copy`);
/** A small export for the refusal cases, so only the first test pays for 100,000 documents. */
const SMALL = 500;
const small = () => t.client().db(`${t.name}_small`);
const smallCopy = () => t.client().db(`${t.name}_small_copy`);
let dir = "";
let smallDir = "";

function makeDoc(i: number): Document {
  const doc: Document = {
    _id: ObjectId.createFromTime(1_700_000_000 + i),
    n: new Int32(i),
    ratio: new Double(i + 0.5),
    small: Long.fromNumber(i),
    big: Long.fromBigInt(2n ** 60n + BigInt(i)),
    price: Decimal128.fromString(`${i}.0125`),
    at: new Date(BASE + i * 1000),
    blob: new Binary(Buffer.from([i & 255, (i >> 8) & 255, 7]), Binary.SUBTYPE_DEFAULT),
    text: `document ${i}: ünïcode ✓ "quoted"\nnewline`,
    nested: { tags: ["a", i % 7, null], deep: { even: i % 2 === 0, when: new Date(BASE - i) } },
    group: `g${i % 50}`,
  };
  if (i % 10_000 === 0) doc.pattern = /ab+c/i;
  return doc;
}

function runWith(script: string, args: string[], db: string): Promise<ScriptResult> {
  return runScript(script, args, { MONGODB_URI: t.uri, MONGODB_DB: db }, 600_000);
}

function peakRss(result: ScriptResult): number {
  return Number(/peak RSS (\d+) MB/.exec(result.stdout)?.[1] ?? Infinity);
}

/** Both collections in _id order as raw BSON: byte-identical documents, every type and field order included. */
async function compareDocuments(a: Db, b: Db, collection: string): Promise<{ compared: number; firstDifference: [string, string] | null }> {
  const read = (db: Db) => db.collection(collection).find({}, { sort: { _id: 1 }, raw: true, batchSize: 5000 }) as unknown as AsyncIterable<Buffer> & { next(): Promise<Buffer | null> };
  const right = read(b);
  const show = (raw: Buffer | null) => (raw ? EJSON.stringify(deserialize(raw), { relaxed: false }) : "(end)");
  let compared = 0;
  for await (const mine of read(a)) {
    const theirs = await right.next();
    if (!theirs || !mine.equals(theirs)) return { compared, firstDifference: [show(mine), show(theirs)] };
    compared += 1;
  }
  const extra = await right.next();
  return { compared, firstDifference: extra ? ["(end)", show(extra)] : null };
}

const portable = (indexes: Document[]) => indexes.map(({ v: _v, ns: _ns, ...spec }) => spec).sort((x, y) => String(x.name).localeCompare(String(y.name)));

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "db-export-"));
  dir = join(root, "backup");
  smallDir = join(root, "small");
  const db = t.db();
  await db.createCollection("items", { validator: { $jsonSchema: { bsonType: "object", required: ["n", "at"], properties: { n: { bsonType: "int" } } } } });
  await db.collection("items").createIndexes([
    { key: { group: 1, at: -1 }, name: "group_at" },
    { key: { n: 1 }, name: "n_unique", unique: true },
    { key: { at: 1 }, name: "at_ttl", expireAfterSeconds: 10 * 365 * 24 * 3600 },
  ]);
  await db.createCollection("empty");
  for (let start = 0; start < COUNT; start += 5000) {
    await db.collection("items").insertMany(Array.from({ length: 5000 }, (_, k) => makeDoc(start + k)));
  }
  await small().collection("items").insertMany(Array.from({ length: SMALL }, (_, i) => makeDoc(i)));
}, 600_000);

afterAll(async () => {
  await Promise.all([target(), small(), smallCopy()].map((db) => db.dropDatabase()));
  if (dir) await rm(join(dir, ".."), { recursive: true, force: true });
});

describe("db:export and db:import", () => {
  it("round-trips 100,000 documents of mixed BSON types with the validator and indexes, in bounded memory", async () => {
    const exported = await runWith("db-export.ts", [dir], t.name);
    expect(exported.stderr).not.toMatch(/failed/);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`Exported ${COUNT} documents in 2 collections`));

    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "chatcraft-db-export", version: 1, database: t.name });
    expect(manifest.collections.map((c: Document) => [c.name, c.documents])).toEqual([["empty", 0], ["items", COUNT]]);
    const head = Buffer.alloc(2000);
    const file = await open(join(dir, "items.ndjson"));
    await file.read(head, 0, head.length, 0).finally(() => file.close());
    const firstLine = head.toString("utf8").split("\n")[0]!;
    expect(firstLine).toContain('"$numberDecimal"');
    expect(firstLine).toContain('"$date"');

    const imported = await runWith("db-import.ts", [dir], target().databaseName);
    expect(imported.stderr).not.toMatch(/failed/);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`Imported ${COUNT} documents in 2 collections`));

    expect(await compareDocuments(t.db(), target(), "items")).toEqual({ compared: COUNT, firstDifference: null });
    expect(portable(await target().collection("items").indexes())).toEqual(portable(await t.db().collection("items").indexes()));
    const [source] = await t.db().listCollections({ name: "items" }).toArray();
    const [copy] = await target().listCollections({ name: "items" }).toArray();
    expect((copy as Document).options.validator).toEqual((source as Document).options.validator);
    expect(await target().listCollections({ name: "empty" }).toArray()).toHaveLength(1);
    // The copy enforces the validator it came with.
    await expect(target().collection("items").insertOne({ n: "not an int", at: new Date() })).rejects.toThrow(/validation/i);

    expect(peakRss(exported)).toBeLessThan(MAX_RSS_MB);
    expect(peakRss(imported)).toBeLessThan(MAX_RSS_MB);
  }, 900_000);

  it("refuses a database that holds documents, unless told to drop or add", async () => {
    expect((await runWith("db-export.ts", [smallDir], small().databaseName)).code).toBe(0);
    expect((await runWith("db-import.ts", [smallDir], smallCopy().databaseName)).code).toBe(0);
    const items = smallCopy().collection("items");
    const refused = await runWith("db-import.ts", [smallDir], smallCopy().databaseName);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to import .* already holds documents in .*items/);
    expect(await items.countDocuments()).toBe(SMALL);

    await items.deleteMany({ n: { $lt: 10 } });
    const added = await runWith("db-import.ts", [smallDir, "--force"], smallCopy().databaseName);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`Imported 10 documents .* skipped ${SMALL - 10} whose _id already existed`));
    expect(await items.countDocuments()).toBe(SMALL);

    await items.insertOne({ n: new Int32(-1), at: new Date() });
    const replaced = await runWith("db-import.ts", [smallDir, "--drop"], smallCopy().databaseName);
    expect(replaced.code).toBe(0);
    expect(await items.countDocuments()).toBe(SMALL);
    expect(await items.findOne({ n: -1 })).toBeNull();
    expect((await compareDocuments(small(), smallCopy(), "items")).firstDifference).toBeNull();
  }, 300_000);

  it("refuses a folder without a finished manifest", async () => {
    const result = await runWith("db-import.ts", [join(dir, "..", "nowhere")], smallCopy().databaseName);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manifest\.json not found/);
  });

  it("exports the embedded development database in the data folder when no MONGODB_URI is set", async () => {
    const dataDir = join(dir, "..", "data");
    const dev = await startEmbeddedMongo({ dbPath: join(dataDir, "db"), quiet: true });
    const client = new MongoClient(dev.uri);
    try {
      await client.db("chatcraft").collection("notes").insertMany([{ n: 1 }, { n: 2, at: new Date(BASE) }]);
    } finally {
      await client.close();
      await dev.stop();
    }
    const out = join(dir, "..", "from-dev");
    const exported = await runScript("db-export.ts", [out], { MONGODB_URI: "", MONGODB_DB: "chatcraft", CHATCRAFT_DATA_DIR: dataDir });
    expect(exported.stdout).toMatch(/Exported 2 documents in 1 collections from the embedded development database/);
    const imported = await runWith("db-import.ts", [out], smallCopy().databaseName + "_dev");
    expect(imported.code).toBe(0);
    const notes = await t.client().db(smallCopy().databaseName + "_dev").collection("notes").find({}, { projection: { _id: 0 } }).toArray();
    await t.client().db(smallCopy().databaseName + "_dev").dropDatabase();
    expect(notes).toEqual([{ n: 1 }, { n: 2, at: new Date(BASE) }]);
  }, 300_000);
});
