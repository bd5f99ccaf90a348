/** delete and the findAndModify family (findOneAndUpdate / Replace / Delete). */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

describe("delete", () => {
  it("deleteOne removes one match, deleteMany all of them, and both report counts", async () => {
    await coll("del").insertMany([{ g: 1 }, { g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await coll("del").deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await coll("del").deleteMany({ g: 1 })).deletedCount).toBe(2);
    expect((await coll("del").deleteMany({ g: 404 })).deletedCount).toBe(0);
    expect(await coll("del").find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ g: 2 }]);
  });

  it("frees the _id of a deleted document for reuse", async () => {
    await coll("reuse").insertOne({ _id: "k", v: 1 });
    await coll("reuse").deleteOne({ _id: "k" });
    await coll("reuse").insertOne({ _id: "k", v: 2 });
    expect(await coll("reuse").findOne({ _id: "k" })).toEqual({ _id: "k", v: 2 });
  });
});

describe("findOneAndUpdate", () => {
  it("returns the document before the update by default and after it on request", async () => {
    await coll("fam").insertOne({ _id: 1, n: 1 });
    expect(await coll("fam").findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } })).toEqual({ _id: 1, n: 1 });
    expect(await coll("fam").findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } }, { returnDocument: "after" })).toEqual({ _id: 1, n: 3 });
  });

  it("picks the first document in sort order and honours a projection", async () => {
    await coll("queue").insertMany([{ p: 2, job: "b" }, { p: 1, job: "a" }, { p: 3, job: "c" }]);
    const taken = await coll("queue").findOneAndUpdate(
      { taken: { $exists: false } }, { $set: { taken: true } },
      { sort: { p: -1 }, returnDocument: "after", projection: { _id: 0, job: 1, taken: 1 } },
    );
    expect(taken).toEqual({ job: "c", taken: true });
  });

  it("upserts: null as the before-image, the new document as the after-image", async () => {
    const before = await coll("fam_up").findOneAndUpdate({ key: "a" }, { $set: { v: 1 } }, { upsert: true });
    expect(before).toBeNull();
    const after = await coll("fam_up").findOneAndUpdate({ key: "b" }, { $set: { v: 2 }, $setOnInsert: { fresh: true } }, { upsert: true, returnDocument: "after" });
    expect(after).toMatchObject({ key: "b", v: 2, fresh: true });
    expect(await coll("fam_up").countDocuments({})).toBe(2);
  });

  it("reports update metadata when asked for it", async () => {
    await coll("fam_meta").insertOne({ _id: 1 });
    const existing = await coll("fam_meta").findOneAndUpdate({ _id: 1 }, { $set: { a: 1 } }, { includeResultMetadata: true });
    expect(existing.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
    const inserted = await coll("fam_meta").findOneAndUpdate({ _id: 2 }, { $set: { a: 1 } }, { upsert: true, includeResultMetadata: true });
    expect(inserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: 2 });
    expect(inserted.value).toBeNull();
  });

  it("returns null and changes nothing when no document matches", async () => {
    expect(await coll("fam_none").findOneAndUpdate({ _id: 1 }, { $set: { a: 1 } })).toBeNull();
    expect(await coll("fam_none").countDocuments({})).toBe(0);
  });

  it("refuses an _id change (code 66)", async () => {
    await coll("fam_id").insertOne({ _id: 1 });
    await expectServerError(coll("fam_id").findOneAndUpdate({ _id: 1 }, { $set: { _id: 9 } }), 66);
  });
});

describe("findOneAndReplace and findOneAndDelete", () => {
  it("replaces the first sorted match and returns either image", async () => {
    await coll("far").insertMany([{ _id: 1, rank: 2 }, { _id: 2, rank: 1 }]);
    const before = await coll("far").findOneAndReplace({}, { rank: 0, replaced: true }, { sort: { rank: 1 } });
    expect(before).toEqual({ _id: 2, rank: 1 });
    const after = await coll("far").findOneAndReplace({ _id: 1 }, { rank: 5 }, { returnDocument: "after" });
    expect(after).toEqual({ _id: 1, rank: 5 });
    expect(await coll("far").findOne({ _id: 2 })).toEqual({ _id: 2, rank: 0, replaced: true });
  });

  it("upserts with a replacement", async () => {
    const after = await coll("far_up").findOneAndReplace({ _id: "r" }, { v: 1 }, { upsert: true, returnDocument: "after" });
    expect(after).toEqual({ _id: "r", v: 1 });
  });

  it("deletes the first sorted match and returns it", async () => {
    await coll("fad").insertMany([{ _id: 1, at: 30 }, { _id: 2, at: 10 }, { _id: 3, at: 20 }]);
    expect(await coll("fad").findOneAndDelete({}, { sort: { at: 1 } })).toEqual({ _id: 2, at: 10 });
    expect(await coll("fad").findOneAndDelete({ _id: 404 })).toBeNull();
    expect((await coll("fad").find({}).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 3]);
  });
});
