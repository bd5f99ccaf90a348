/**
 * Change streams and the life of collections, databases and transactions: drop / dropDatabase /
 * invalidate, startAfter, pre- and post-images, and the events of a committed transaction.
 */
import type { ResumeToken, Timestamp } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { take, useChangeStreams } from "./support/change-streams";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const { watching, resumed } = useChangeStreams();

describe("drops and invalidation", () => {
  it("a collection's drop is a drop event, then invalidate, and the stream closes", async () => {
    const coll = t.db().collection<AnyDoc>("life_drop");
    await coll.insertOne({ _id: 1 });
    const stream = await watching(coll);
    await coll.drop();
    const [drop, invalidate] = await take(stream, 2);
    expect(drop).toMatchObject({ operationType: "drop", ns: { db: t.name, coll: "life_drop" } });
    expect(invalidate).toMatchObject({ operationType: "invalidate" });
    expect(invalidate).not.toHaveProperty("ns");
    // The driver closes a stream once it has seen invalidate (the server answered cursor id 0).
    expect(stream.closed).toBe(true);
  });

  it("startAfter an invalidate carries on after the drop; resumeAfter it is refused (260)", async () => {
    const coll = t.db().collection<AnyDoc>("life_start_after");
    await coll.insertOne({ _id: "first life" });
    const stream = await watching(coll);
    await coll.drop();
    const [, invalidate] = await take(stream, 2);
    await coll.insertOne({ _id: "second life" });
    const after = resumed(coll, { startAfter: invalidate!._id as ResumeToken });
    const [event] = await take(after, 1);
    expect(event).toMatchObject({ operationType: "insert", documentKey: { _id: "second life" } });
    await expectServerError(coll.aggregate([{ $changeStream: { resumeAfter: invalidate!._id } }]).toArray(), 260);
  });

  it("renameCollection is a rename event (with `to`) on the source's stream, then invalidate; the data and indexes move", async () => {
    const coll = t.db().collection<AnyDoc>("life_rename_from");
    await coll.insertMany([{ _id: 1, k: "a" }, { _id: 2, k: "b" }]);
    await coll.createIndex({ k: 1 }, { unique: true });
    const stream = await watching(coll);
    const dbStream = await watching(t.db());
    await coll.rename("life_rename_to");
    const [rename, invalidate] = await take(stream, 2);
    const expected = { operationType: "rename", ns: { db: t.name, coll: "life_rename_from" }, to: { db: t.name, coll: "life_rename_to" } };
    expect(rename).toMatchObject(expected);
    expect(invalidate).toMatchObject({ operationType: "invalidate" });
    expect((await take(dbStream, 1))[0]).toMatchObject(expected);
    const moved = t.db().collection<AnyDoc>("life_rename_to");
    expect(await moved.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, k: "a" }, { _id: 2, k: "b" }]);
    await expectServerError(moved.insertOne({ _id: 3, k: "a" }), 11000);
    expect(await t.db().listCollections({ name: "life_rename_from" }).toArray()).toEqual([]);
  });

  it("renameCollection onto an existing collection needs dropTarget (48 NamespaceExists otherwise)", async () => {
    await t.db().collection<AnyDoc>("life_rn_a").insertOne({ _id: "a" });
    await t.db().collection<AnyDoc>("life_rn_b").insertOne({ _id: "b" });
    await expectServerError(t.db().renameCollection("life_rn_a", "life_rn_b"), 48);
    await t.db().renameCollection("life_rn_a", "life_rn_b", { dropTarget: true });
    expect(await t.db().collection<AnyDoc>("life_rn_b").find().toArray()).toEqual([{ _id: "a" }]);
  });

  it("dropDatabase reports each collection's drop, then dropDatabase, then invalidates a database stream", async () => {
    const db = t.client().db(`${t.name}_dd`);
    await db.collection<AnyDoc>("one").insertOne({ _id: 1 });
    const stream = await watching(db);
    await db.dropDatabase();
    const events = await take(stream, 3);
    expect(events.map((e) => e.operationType)).toEqual(["drop", "dropDatabase", "invalidate"]);
    expect(events[0]).toMatchObject({ ns: { db: `${t.name}_dd`, coll: "one" } });
    expect(events[1]).toMatchObject({ ns: { db: `${t.name}_dd` } });
  });
});

describe("pre- and post-images", () => {
  it("gives fullDocument and fullDocumentBeforeChange when the collection records images", async () => {
    await t.db().createCollection("life_images", { changeStreamPreAndPostImages: { enabled: true } });
    const coll = t.db().collection<AnyDoc>("life_images");
    await coll.insertOne({ _id: 1, v: "a" });
    const stream = await watching(coll, [], { fullDocument: "required", fullDocumentBeforeChange: "required" });
    await coll.updateOne({ _id: 1 }, { $set: { v: "b" } });
    await coll.updateOne({ _id: 1 }, { $set: { v: "c" } });
    await coll.deleteOne({ _id: 1 });
    const [first, second, remove] = await take(stream, 3);
    // The post-image is the document right after that update, not a later lookup.
    expect(first).toMatchObject({ fullDocument: { _id: 1, v: "b" }, fullDocumentBeforeChange: { _id: 1, v: "a" } });
    expect(second).toMatchObject({ fullDocument: { _id: 1, v: "c" }, fullDocumentBeforeChange: { _id: 1, v: "b" } });
    expect(remove).toMatchObject({ operationType: "delete", fullDocumentBeforeChange: { _id: 1, v: "c" } });
  });

  it("answers null with whenAvailable where the collection records no images", async () => {
    const coll = t.db().collection<AnyDoc>("life_no_images");
    await coll.insertOne({ _id: 1, v: "a" });
    const stream = await watching(coll, [], { fullDocument: "whenAvailable", fullDocumentBeforeChange: "whenAvailable" });
    await coll.updateOne({ _id: 1 }, { $set: { v: "b" } });
    const [update] = await take(stream, 1);
    expect(update).toMatchObject({ operationType: "update", fullDocument: null, fullDocumentBeforeChange: null });
  });
});

describe("transactions in change streams", () => {
  it("a committed transaction's writes appear after the commit, with lsid, txnNumber and one clusterTime", async () => {
    const coll = t.db().collection<AnyDoc>("life_txn");
    const stream = await watching(coll);
    const aborted = t.client().startSession();
    const committed = t.client().startSession();
    try {
      aborted.startTransaction();
      await coll.insertOne({ _id: "never" }, { session: aborted });
      await aborted.abortTransaction();
      await committed.withTransaction(async (s) => {
        await coll.insertOne({ _id: "x" }, { session: s });
        await coll.updateOne({ _id: "x" }, { $set: { done: true } }, { session: s });
      });
    } finally {
      await aborted.endSession();
      await committed.endSession();
    }
    await coll.insertOne({ _id: "after" });
    const events = await take(stream, 3);
    expect(events.map((e) => [e.operationType, e.documentKey._id])).toEqual([
      ["insert", "x"],
      ["update", "x"],
      ["insert", "after"],
    ]);
    expect(events[0]).toHaveProperty("lsid");
    expect(events[0]).toHaveProperty("txnNumber");
    expect((events[0]!.clusterTime as Timestamp).equals(events[1]!.clusterTime as Timestamp)).toBe(true);
    expect(events[2]).not.toHaveProperty("lsid");
  });
});
