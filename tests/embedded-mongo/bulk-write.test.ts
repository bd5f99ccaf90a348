/** bulkWrite with mixed operations, ordered and unordered. */
import { MongoBulkWriteError } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

describe("bulkWrite", () => {
  it("applies mixed operations in order and reports every count", async () => {
    await coll("mixed").insertMany([{ _id: 1, v: 1 }, { _id: 2, v: 2 }, { _id: 3, v: 3 }, { _id: 4, g: "x" }, { _id: 5, g: "x" }]);
    const result = await coll("mixed").bulkWrite([
      { insertOne: { document: { _id: 6, v: 6 } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { v: 10 } } } },
      { updateOne: { filter: { _id: 2 }, update: { $set: { v: 2 } } } },
      { updateMany: { filter: { g: "x" }, update: { $set: { seen: true } } } },
      { replaceOne: { filter: { _id: 3 }, replacement: { replaced: true } } },
      { updateOne: { filter: { _id: 7 }, update: { $set: { v: 7 } }, upsert: true } },
      { deleteOne: { filter: { _id: 6 } } },
      { deleteMany: { filter: { g: "x" } } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.matchedCount).toBe(5);
    expect(result.modifiedCount).toBe(4);
    expect(result.upsertedCount).toBe(1);
    expect(result.upsertedIds).toEqual({ 5: 7 });
    expect(result.deletedCount).toBe(3);
    const docs = await coll("mixed").find({}).sort({ _id: 1 }).toArray();
    expect(docs).toEqual([{ _id: 1, v: 10 }, { _id: 2, v: 2 }, { _id: 3, replaced: true }, { _id: 7, v: 7 }]);
  });

  it("ordered: stops at the first failing operation", async () => {
    await coll("ordered").insertOne({ _id: "taken" });
    const error = await coll("ordered").bulkWrite([
      { insertOne: { document: { _id: "a" } } },
      { insertOne: { document: { _id: "taken" } } },
      { updateOne: { filter: { _id: "a" }, update: { $set: { after: true } } } },
    ], { ordered: true }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect([bulk.insertedCount, bulk.modifiedCount]).toEqual([1, 0]);
    expect([bulk.writeErrors].flat().map((w) => [w.index, w.code])).toEqual([[1, 11000]]);
    expect(await coll("ordered").findOne({ _id: "a" })).toEqual({ _id: "a" });
  });

  it("unordered: runs every operation and reports the failures", async () => {
    await coll("unordered").insertOne({ _id: "taken", n: "text" });
    const error = await coll("unordered").bulkWrite([
      { insertOne: { document: { _id: "taken" } } },
      { insertOne: { document: { _id: "b" } } },
      { updateOne: { filter: { _id: "taken" }, update: { $inc: { n: 1 } } } },
      { updateOne: { filter: { _id: "b" }, update: { $set: { after: true } } } },
    ], { ordered: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect([bulk.writeErrors].flat().map((w) => [w.index, w.code]).sort()).toEqual([[0, 11000], [2, 14]]);
    expect(await coll("unordered").findOne({ _id: "b" })).toEqual({ _id: "b", after: true });
    expect(await coll("unordered").findOne({ _id: "taken" })).toEqual({ _id: "taken", n: "text" });
  });

  it("splits a very large bulk into server-sized batches transparently", async () => {
    const docs = Array.from({ length: 25_000 }, (_, i) => ({ _id: i, pad: "p".repeat(20) }));
    const result = await coll("large").insertMany(docs);
    expect(result.insertedCount).toBe(25_000);
    expect(await coll("large").countDocuments({})).toBe(25_000);
  });
});
