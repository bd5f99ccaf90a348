/**
 * Change streams through the driver's watch() on a collection, a database and the deployment:
 * the events mongod 7.0 emits, their shape, resuming, waiting getMores and stream stages.
 */
import type { ChangeStream, ChangeStreamOptions, Collection, Document, ResumeToken, Timestamp } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const open: ChangeStream[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

interface Watchable {
  watch(pipeline?: Document[], options?: ChangeStreamOptions): ChangeStream;
}

/** A stream whose aggregate has run (watch() is lazy), so later writes are surely in it. */
async function watching(target: Watchable, pipeline: Document[] = [], options: ChangeStreamOptions = {}): Promise<ChangeStream> {
  const stream = target.watch(pipeline, { maxAwaitTimeMS: 50, ...options });
  open.push(stream);
  expect(await stream.tryNext()).toBeNull();
  return stream;
}

/** The next `n` events (as plain documents: the tests look at fields of every event type). */
async function take(stream: ChangeStream, n: number): Promise<Document[]> {
  const events: Document[] = [];
  while (events.length < n) events.push(await stream.next());
  return events;
}

function collection(name: string): Collection<AnyDoc> {
  return t.db().collection<AnyDoc>(name);
}

describe("collection change streams", () => {
  it("report insert, update, replace and delete in order, with mongod's fields", async () => {
    const coll = collection("cs_crud");
    const stream = await watching(coll);
    await coll.insertOne({ _id: 1, a: 1, nested: { x: 1, y: 1 } });
    await coll.updateOne({ _id: 1 }, { $set: { b: 2, "nested.x": 5 }, $unset: { a: "" } });
    await coll.replaceOne({ _id: 1 }, { c: 3 });
    await coll.deleteOne({ _id: 1 });
    const events = await take(stream, 4);
    const [insert, update, replace, remove] = events;
    const ns = { db: t.name, coll: "cs_crud" };
    expect(insert).toMatchObject({ operationType: "insert", ns, documentKey: { _id: 1 }, fullDocument: { _id: 1, a: 1, nested: { x: 1, y: 1 } } });
    expect(update).toMatchObject({
      operationType: "update",
      ns,
      documentKey: { _id: 1 },
      updateDescription: { updatedFields: { b: 2, "nested.x": 5 }, removedFields: ["a"], truncatedArrays: [] },
    });
    expect(update).not.toHaveProperty("fullDocument");
    expect(replace).toMatchObject({ operationType: "replace", ns, documentKey: { _id: 1 }, fullDocument: { _id: 1, c: 3 } });
    expect(remove).toMatchObject({ operationType: "delete", ns, documentKey: { _id: 1 } });
    for (const event of events) {
      expect(typeof event._id._data).toBe("string");
      expect(event).toHaveProperty("clusterTime");
      expect(event.wallTime).toBeInstanceOf(Date);
    }
    const times = events.map((e) => e.clusterTime as Timestamp);
    for (let i = 1; i < times.length; i += 1) expect(times[i]!.greaterThan(times[i - 1]!)).toBe(true);
  });

  it("reports a whole embedded document set at once under its own name", async () => {
    const coll = collection("cs_whole");
    await coll.insertOne({ _id: 1, nested: { x: 1 } });
    const stream = await watching(coll);
    await coll.updateOne({ _id: 1 }, { $set: { nested: { y: 2 } } });
    const [update] = await take(stream, 1);
    expect(update).toMatchObject({ updateDescription: { updatedFields: { nested: { y: 2 } }, removedFields: [] } });
  });

  it("looks the current document up for updates with fullDocument: updateLookup", async () => {
    const coll = collection("cs_lookup");
    await coll.insertOne({ _id: "d", n: 1 });
    const stream = await watching(coll, [], { fullDocument: "updateLookup" });
    await coll.updateOne({ _id: "d" }, { $inc: { n: 1 } });
    const [update] = await take(stream, 1);
    expect(update).toMatchObject({ operationType: "update", fullDocument: { _id: "d", n: 2 } });
  });

  it("only shows its own collection's changes", async () => {
    const watched = collection("cs_mine");
    const stream = await watching(watched);
    await collection("cs_other").insertOne({ _id: "elsewhere" });
    await watched.insertOne({ _id: "here" });
    const [event] = await take(stream, 1);
    expect(event).toMatchObject({ documentKey: { _id: "here" } });
  });

  it("resumes after a token with exactly the events that followed it", async () => {
    const coll = collection("cs_resume");
    const stream = await watching(coll);
    await coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const [first] = await take(stream, 3);
    await stream.close();
    const resumed = coll.watch([], { resumeAfter: first!._id as ResumeToken, maxAwaitTimeMS: 50 });
    open.push(resumed);
    const rest = await take(resumed, 2);
    expect(rest.map((e) => e.documentKey._id)).toEqual([2, 3]);
  });

  it("starts at an operation time, including the write made at that time", async () => {
    const coll = collection("cs_optime");
    const reply = await t.db().command({ insert: "cs_optime", documents: [{ _id: "at" }] });
    await coll.insertOne({ _id: "after" });
    const stream = coll.watch([], { startAtOperationTime: reply.operationTime as Timestamp, maxAwaitTimeMS: 50 });
    open.push(stream);
    const events = await take(stream, 2);
    expect(events.map((e) => e.documentKey._id)).toEqual(["at", "after"]);
  });

  it("filters and reshapes events with $match and $project after $changeStream", async () => {
    const coll = collection("cs_stages");
    const stream = await watching(coll, [{ $match: { "fullDocument.keep": true } }, { $project: { operationType: 1, "fullDocument.keep": 1 } }]);
    await coll.insertMany([{ _id: 1, keep: false }, { _id: 2, keep: true, other: "x" }]);
    const [event] = await take(stream, 1);
    // An inclusion projection keeps the top-level _id (the resume token), not fullDocument._id.
    expect(event).toMatchObject({ operationType: "insert" });
    expect(event!.fullDocument).toEqual({ keep: true });
    expect(event).not.toHaveProperty("ns");
  });

  it("refuses stages a change stream cannot run, and $changeStream after the first stage", async () => {
    await expectServerError(collection("cs_bad").aggregate([{ $changeStream: {} }, { $group: { _id: null } }]).toArray(), 20);
    await expectServerError(collection("cs_bad").aggregate([{ $match: {} }, { $changeStream: {} }]).toArray(), 40602);
  });
});

describe("database and deployment change streams", () => {
  it("db.watch() sees every collection of the database", async () => {
    const stream = await watching(t.db());
    await collection("cs_db_a").insertOne({ _id: "a" });
    await collection("cs_db_b").insertOne({ _id: "b" });
    const events = await take(stream, 2);
    expect(events.map((e) => e.ns.coll)).toEqual(["cs_db_a", "cs_db_b"]);
  });

  it("client.watch() sees every database", async () => {
    const stream = await watching(t.client());
    const otherDb = t.client().db(`${t.name}_other`);
    try {
      await otherDb.collection<AnyDoc>("x").insertOne({ _id: "other" });
      await collection("cs_cluster").insertOne({ _id: "mine" });
      const events = await take(stream, 2);
      expect(events.map((e) => e.ns.db)).toEqual([`${t.name}_other`, t.name]);
    } finally {
      await otherDb.dropDatabase();
    }
  });

  it("serves many concurrent streams, each receiving every event", async () => {
    const coll = collection("cs_many");
    const streams = await Promise.all(Array.from({ length: 40 }, () => watching(coll)));
    await coll.insertOne({ _id: "fan-out" });
    const firsts = await Promise.all(streams.map(async (stream) => (await take(stream, 1))[0]));
    for (const event of firsts) expect(event).toMatchObject({ operationType: "insert", documentKey: { _id: "fan-out" } });
  });
});

describe("change stream cursors on the wire", () => {
  it("a getMore waits for the next write instead of answering empty at once", async () => {
    const db = t.db();
    const opened = await db.command({ aggregate: "cs_wire", pipeline: [{ $changeStream: {} }], cursor: {} });
    const id = opened.cursor.id;
    const pending = db.command({ getMore: id, collection: "cs_wire", maxTimeMS: 10_000 });
    let answered = false;
    void pending.then(() => (answered = true));
    // The getMore is parked: a ping on another connection goes and comes back first.
    await db.command({ ping: 1 });
    expect(answered).toBe(false);
    await db.collection<AnyDoc>("cs_wire").insertOne({ _id: "wake" });
    const reply = await pending;
    expect(reply.cursor.nextBatch).toHaveLength(1);
    expect(reply.cursor.nextBatch[0]).toMatchObject({ operationType: "insert", documentKey: { _id: "wake" } });
    expect(reply.cursor.postBatchResumeToken).toHaveProperty("_data");
    await db.command({ killCursors: "cs_wire", cursors: [id] });
  });

  it("a getMore that times out answers an empty batch and keeps the cursor open", async () => {
    const db = t.db();
    const opened = await db.command({ aggregate: "cs_idle", pipeline: [{ $changeStream: {} }], cursor: {} });
    expect(opened.cursor.firstBatch).toEqual([]);
    expect(opened.cursor.postBatchResumeToken).toHaveProperty("_data");
    const reply = await db.command({ getMore: opened.cursor.id, collection: "cs_idle", maxTimeMS: 100 });
    expect(reply.cursor.nextBatch).toEqual([]);
    expect(String(reply.cursor.id)).toBe(String(opened.cursor.id));
    const killed = await db.command({ killCursors: "cs_idle", cursors: [opened.cursor.id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(opened.cursor.id)]);
  });
});
