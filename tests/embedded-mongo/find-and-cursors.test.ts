/** insert, find (filters, projection, sort, skip, limit) and the cursor protocol: getMore, killCursors. */
import { Long, MongoClient, type CommandStartedEvent } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const TOTAL = 25;

beforeAll(async () => {
  const docs = Array.from({ length: TOTAL }, (_, i) => ({ _id: i, n: i, parity: i % 2 === 0 ? "even" : "odd", tags: [`t${i % 3}`] }));
  const result = await t.db().collection<AnyDoc>("items").insertMany(docs);
  expect(result.insertedCount).toBe(TOTAL);
});

describe("insert", () => {
  it("generates an ObjectId _id when none is given and returns it", async () => {
    const coll = t.db().collection<AnyDoc>("generated");
    const { insertedId } = await coll.insertOne({ name: "x" });
    expect(insertedId?.constructor.name).toBe("ObjectId");
    expect(await coll.findOne({ _id: insertedId })).toEqual({ _id: insertedId, name: "x" });
  });

  it("refuses a second document with the same _id (code 11000)", async () => {
    const coll = t.db().collection<AnyDoc>("dup_id");
    await coll.insertOne({ _id: "same" });
    const error = await expectServerError(coll.insertOne({ _id: "same", other: true }), 11000);
    expect(error.keyValue).toEqual({ _id: "same" });
    expect(await coll.findOne({ _id: "same" })).toEqual({ _id: "same" });
  });

  it("round-trips nested documents, arrays, dates and nulls unchanged", async () => {
    const coll = t.db().collection<AnyDoc>("shapes");
    const when = new Date("2024-05-06T07:08:09.010Z");
    const doc = { _id: "shape", a: { b: { c: [1, "two", null, { d: when }] } }, empty: {}, list: [] };
    await coll.insertOne(doc);
    expect(await coll.findOne({ _id: "shape" })).toEqual(doc);
  });
});

describe("find", () => {
  it("filters, sorts, skips, limits and projects", async () => {
    const docs = await t.db().collection<AnyDoc>("items")
      .find({ parity: "even", n: { $gte: 4 } }, { projection: { _id: 0, n: 1 } })
      .sort({ n: -1 }).skip(1).limit(3).toArray();
    expect(docs).toEqual([{ n: 22 }, { n: 20 }, { n: 18 }]);
  });

  it("matches array fields by element and supports $in, $or, $exists and $regex", async () => {
    const items = t.db().collection<AnyDoc>("items");
    expect(await items.countDocuments({ tags: "t0" })).toBe(9);
    expect(await items.countDocuments({ n: { $in: [1, 2, 99] } })).toBe(2);
    expect(await items.countDocuments({ $or: [{ n: 0 }, { n: 24 }] })).toBe(2);
    expect(await items.countDocuments({ missing: { $exists: false } })).toBe(TOTAL);
    expect(await items.countDocuments({ parity: { $regex: "^ev" } })).toBe(13);
  });

  it("returns null from findOne when nothing matches", async () => {
    expect(await t.db().collection<AnyDoc>("items").findOne({ n: -1 })).toBeNull();
  });
});

describe("cursors", () => {
  const seen: CommandStartedEvent[] = [];
  let monitored: MongoClient;

  beforeAll(async () => {
    monitored = new MongoClient(t.uri, { monitorCommands: true });
    monitored.on("commandStarted", (event) => seen.push(event));
    await monitored.connect();
  });
  afterAll(async () => {
    await monitored.close();
  });

  it("delivers a large result in several batches through getMore", async () => {
    seen.length = 0;
    const docs = await monitored.db(t.name).collection<AnyDoc>("items").find({}).sort({ n: 1 }).batchSize(4).toArray();
    expect(docs.map((d) => d.n)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    const getMores = seen.filter((e) => e.commandName === "getMore");
    expect(getMores.length).toBeGreaterThanOrEqual(Math.ceil(TOTAL / 4) - 1);
  });

  it("answers the raw cursor commands with int64 ids, then refuses a killed cursor (code 43)", async () => {
    const db = t.db();
    const first = await db.command({ find: "items", filter: {}, sort: { n: 1 }, batchSize: 2 });
    expect(first.cursor.ns).toBe(`${t.name}.items`);
    expect(first.cursor.firstBatch.map((d: AnyDoc) => d.n)).toEqual([0, 1]);
    const id = first.cursor.id;
    expect(Long.isLong(id) || typeof id === "bigint").toBe(true);
    expect(Number(id)).not.toBe(0);

    const next = await db.command({ getMore: id, collection: "items", batchSize: 3 });
    expect(next.cursor.nextBatch.map((d: AnyDoc) => d.n)).toEqual([2, 3, 4]);
    expect(String(next.cursor.id)).toBe(String(id));

    const killed = await db.command({ killCursors: "items", cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    await expectServerError(db.command({ getMore: id, collection: "items" }), 43);
  });

  it("closes the cursor (id 0) once the last batch has been sent", async () => {
    const reply = await t.db().command({ find: "items", filter: { n: { $lt: 3 } }, batchSize: 10 });
    expect(reply.cursor.firstBatch).toHaveLength(3);
    expect(Number(reply.cursor.id)).toBe(0);
  });

  it("kills an open cursor when the driver closes it early", async () => {
    const cursor = monitored.db(t.name).collection<AnyDoc>("items").find({}).batchSize(2);
    await cursor.next();
    seen.length = 0;
    await cursor.close();
    expect(seen.some((e) => e.commandName === "killCursors")).toBe(true);
  });

  it("lets a getMore arrive on a different pooled connection than the find", async () => {
    const coll = monitored.db(t.name).collection<AnyDoc>("items");
    const cursors = Array.from({ length: 6 }, () => coll.find({}).sort({ n: 1 }).batchSize(3));
    const results = await Promise.all(cursors.map((c) => c.toArray()));
    for (const docs of results) expect(docs).toHaveLength(TOTAL);
  });
});
