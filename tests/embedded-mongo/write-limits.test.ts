/** Ordered vs unordered bulk inserts, and the 16 MiB document limit. */
import { MongoBulkWriteError } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const MiB = 1024 * 1024;

async function insertManyError(promise: Promise<unknown>): Promise<MongoBulkWriteError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MongoBulkWriteError);
  return error as MongoBulkWriteError;
}

describe("insertMany with a duplicate in the middle", () => {
  const docs = () => [{ _id: 1 }, { _id: 2 }, { _id: 2, dup: true }, { _id: 3 }, { _id: 4 }];

  it("ordered: stops at the duplicate, keeping the documents before it", async () => {
    const coll = t.db().collection<AnyDoc>("ordered");
    const error = await insertManyError(coll.insertMany(docs(), { ordered: true }));
    expect(error.insertedCount).toBe(2);
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    expect(writeErrors).toHaveLength(1);
    expect(writeErrors[0]?.index).toBe(2);
    expect(writeErrors[0]?.code).toBe(11000);
    const ids = (await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([1, 2]);
    expect(await coll.findOne({ dup: true })).toBeNull();
  });

  it("unordered: skips the duplicate and inserts everything else", async () => {
    const coll = t.db().collection<AnyDoc>("unordered");
    const error = await insertManyError(coll.insertMany(docs(), { ordered: false }));
    expect(error.insertedCount).toBe(4);
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    expect(writeErrors.map((w) => [w.index, w.code])).toEqual([[2, 11000]]);
    const ids = (await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([1, 2, 3, 4]);
  });

  it("unordered: reports every failing index, not just the first", async () => {
    const coll = t.db().collection<AnyDoc>("unordered_many");
    await coll.insertOne({ _id: "taken" });
    const batch = [{ _id: "a" }, { _id: "taken" }, { _id: "b" }, { _id: "a" }, { _id: "c" }];
    const error = await insertManyError(coll.insertMany(batch, { ordered: false }));
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    expect(writeErrors.map((w) => w.index)).toEqual([1, 3]);
    expect(await coll.countDocuments({})).toBe(4);
  });
});

describe("16 MiB document limit", () => {
  it("stores and returns a document just under the limit", async () => {
    const coll = t.db().collection<AnyDoc>("big");
    const payload = "x".repeat(15 * MiB);
    await coll.insertOne({ _id: "under", payload });
    const back = await coll.findOne({ _id: "under" });
    expect(back?.payload.length).toBe(payload.length);
  });

  it("returns results larger than 16 MiB in several batches", async () => {
    const coll = t.db().collection<AnyDoc>("big_results");
    for (let i = 0; i < 5; i += 1) await coll.insertOne({ _id: i, payload: String(i).repeat(5 * MiB) });
    const first = await t.db().command({ find: "big_results", filter: {}, sort: { _id: 1 } });
    expect(first.cursor.firstBatch.length).toBeLessThan(5);
    expect(Number(first.cursor.id)).not.toBe(0);
    await t.db().command({ killCursors: "big_results", cursors: [first.cursor.id] });
    const all = await coll.find({}).sort({ _id: 1 }).toArray();
    expect(all.map((d) => [d._id, d.payload.length])).toEqual([0, 1, 2, 3, 4].map((i) => [i, 5 * MiB]));
  });

  it("refuses to insert a document over 16 MiB and stores nothing", async () => {
    const coll = t.db().collection<AnyDoc>("big");
    const payload = "y".repeat(16 * MiB);
    await expect(coll.insertOne({ _id: "over", payload })).rejects.toThrow();
    expect(await coll.countDocuments({ _id: "over" })).toBe(0);
  });

  it("refuses an update that would grow a document past 16 MiB and leaves it unchanged", async () => {
    const coll = t.db().collection<AnyDoc>("big");
    await coll.insertOne({ _id: "grow", a: "a".repeat(9 * MiB) });
    await expect(coll.updateOne({ _id: "grow" }, { $set: { b: "b".repeat(9 * MiB) } })).rejects.toThrow();
    const back = await coll.findOne({ _id: "grow" }, { projection: { b: 1 } });
    expect(back).toEqual({ _id: "grow" });
  });
});
