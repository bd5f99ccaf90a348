/** Unique indexes are enforced on insert and update, by mongod's key rules, with nothing half-written. */
import { Long, MongoBulkWriteError } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

describe("single-field unique index", () => {
  it("refuses a duplicate insert with code 11000, keyPattern and keyValue", async () => {
    await coll("users").createIndex({ email: 1 }, { unique: true });
    await coll("users").insertOne({ email: "a@x.io" });
    const error = await expectServerError(coll("users").insertOne({ email: "a@x.io", second: true }), 11000);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: "a@x.io" });
    expect(await coll("users").countDocuments({ email: "a@x.io" })).toBe(1);
  });

  it("refuses an update that would create a duplicate and leaves the document unchanged", async () => {
    await coll("users").insertOne({ _id: "u2", email: "b@x.io", name: "B" });
    const error = await expectServerError(coll("users").updateOne({ _id: "u2" }, { $set: { email: "a@x.io", name: "changed" } }), 11000);
    expect(error.keyValue).toEqual({ email: "a@x.io" });
    expect(await coll("users").findOne({ _id: "u2" })).toEqual({ _id: "u2", email: "b@x.io", name: "B" });
  });

  it("refuses a replacement or findOneAndUpdate that would duplicate, and an upsert too", async () => {
    await coll("users").insertOne({ _id: "u3", email: "c@x.io" });
    await expectServerError(coll("users").replaceOne({ _id: "u3" }, { email: "a@x.io" }), 11000);
    await expectServerError(coll("users").findOneAndUpdate({ _id: "u3" }, { $set: { email: "a@x.io" } }), 11000);
    await expectServerError(coll("users").updateOne({ _id: "new" }, { $set: { email: "a@x.io" } }, { upsert: true }), 11000);
    expect(await coll("users").findOne({ _id: "u3" })).toEqual({ _id: "u3", email: "c@x.io" });
    expect(await coll("users").countDocuments({ _id: "new" })).toBe(0);
  });

  it("frees a key when its document changes or is deleted", async () => {
    await coll("free").createIndex({ k: 1 }, { unique: true });
    await coll("free").insertOne({ _id: 1, k: "x" });
    await coll("free").updateOne({ _id: 1 }, { $set: { k: "y" } });
    await coll("free").insertOne({ _id: 2, k: "x" });
    await coll("free").deleteOne({ _id: 2 });
    await coll("free").insertOne({ _id: 3, k: "x" });
    expect(await coll("free").countDocuments({})).toBe(2);
  });

  it("stops updateMany at the first document that would collide", async () => {
    await coll("many").createIndex({ slot: 1 }, { unique: true });
    await coll("many").insertMany([{ _id: 1, slot: 1 }, { _id: 2, slot: 2 }]);
    await expectServerError(coll("many").updateMany({}, { $set: { slot: 7 } }), 11000);
    expect(await coll("many").countDocuments({ slot: 7 })).toBeLessThanOrEqual(1);
  });

  it("refuses to build a unique index over existing duplicates (code 11000)", async () => {
    await coll("prebuilt").insertMany([{ k: 1 }, { k: 1 }]);
    await expectServerError(coll("prebuilt").createIndex({ k: 1 }, { unique: true }), 11000);
    expect((await coll("prebuilt").listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_"]);
  });
});

describe("unique key rules", () => {
  it("treats a missing field as null: a second document without it collides", async () => {
    await coll("missing").createIndex({ tag: 1 }, { unique: true });
    await coll("missing").insertOne({ _id: 1 });
    const error = await expectServerError(coll("missing").insertOne({ _id: 2 }), 11000);
    expect(error.keyValue).toEqual({ tag: null });
    await expectServerError(coll("missing").insertOne({ _id: 3, tag: null }), 11000);
  });

  it("treats 1, 1.0 and Long(1) as the same key", async () => {
    await coll("numeric").createIndex({ n: 1 }, { unique: true });
    await coll("numeric").insertOne({ n: 1 });
    await expectServerError(coll("numeric").insertOne({ n: 1.0 }), 11000);
    await expectServerError(coll("numeric").insertOne({ n: Long.fromNumber(1) }), 11000);
    await coll("numeric").insertOne({ n: "1" });
    expect(await coll("numeric").countDocuments({})).toBe(2);
  });

  it("indexes every element of an array", async () => {
    await coll("arr").createIndex({ tags: 1 }, { unique: true });
    await coll("arr").insertOne({ _id: 1, tags: ["a", "b"] });
    await expectServerError(coll("arr").insertOne({ _id: 2, tags: ["c", "b"] }), 11000);
    await expectServerError(coll("arr").insertOne({ _id: 3, tags: "a" }), 11000);
    await coll("arr").insertOne({ _id: 4, tags: ["c", "d"] });
    // Repeating a value inside one document is not a duplicate.
    await coll("arr").insertOne({ _id: 5, tags: ["e", "e"] });
    expect(await coll("arr").countDocuments({})).toBe(3);
  });

  it("compares embedded documents field by field, in order", async () => {
    await coll("embedded").createIndex({ who: 1 }, { unique: true });
    await coll("embedded").insertOne({ who: { first: "a", last: "b" } });
    await expectServerError(coll("embedded").insertOne({ who: { first: "a", last: "b" } }), 11000);
    await coll("embedded").insertOne({ who: { last: "b", first: "a" } });
    expect(await coll("embedded").countDocuments({})).toBe(2);
  });
});

describe("compound, sparse and partial unique indexes", () => {
  it("compound: only the full combination must be unique", async () => {
    await coll("briefs").createIndex({ userId: 1, roleId: 1 }, { unique: true });
    await coll("briefs").insertMany([{ userId: "u1", roleId: "r1" }, { userId: "u1", roleId: "r2" }, { userId: "u2", roleId: "r1" }]);
    const error = await expectServerError(coll("briefs").insertOne({ userId: "u1", roleId: "r1" }), 11000);
    expect(error.keyPattern).toEqual({ userId: 1, roleId: 1 });
    expect(error.keyValue).toEqual({ userId: "u1", roleId: "r1" });
  });

  it("sparse: documents without the field never collide, documents with it do", async () => {
    await coll("sparse").createIndex({ nick: 1 }, { unique: true, sparse: true });
    await coll("sparse").insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3, nick: "n" }]);
    await expectServerError(coll("sparse").insertOne({ _id: 4, nick: "n" }), 11000);
    expect(await coll("sparse").countDocuments({})).toBe(3);
  });

  it("partial: only documents matching the filter are constrained", async () => {
    await coll("partial").createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await coll("partial").insertMany([{ code: "x", active: false }, { code: "x", active: false }, { code: "x", active: true }]);
    await expectServerError(coll("partial").insertOne({ code: "x", active: true }), 11000);
    await coll("partial").insertOne({ _id: "later", code: "x", active: false });
    await expectServerError(coll("partial").updateOne({ _id: "later" }, { $set: { active: true } }), 11000);
    expect(await coll("partial").countDocuments({ active: true })).toBe(1);
  });
});

describe("nothing half-written across several unique indexes", () => {
  it("a failed insert reserves no key in the other indexes", async () => {
    await coll("two").createIndex({ a: 1 }, { unique: true });
    await coll("two").createIndex({ b: 1 }, { unique: true });
    await coll("two").insertOne({ _id: 1, a: 1, b: 1 });
    await expectServerError(coll("two").insertOne({ _id: 2, a: 2, b: 1 }), 11000);
    await coll("two").insertOne({ _id: 3, a: 2, b: 2 });
    // _id 2 was refused: its _id must be free too.
    await coll("two").insertOne({ _id: 2, a: 9, b: 9 });
    expect(await coll("two").countDocuments({})).toBe(3);
  });

  it("a failed update keeps the old keys findable and the new ones free", async () => {
    await coll("two").insertOne({ _id: 4, a: 4, b: 4 });
    await expectServerError(coll("two").updateOne({ _id: 4 }, { $set: { a: 40, b: 1 } }), 11000);
    expect(await coll("two").findOne({ a: 4 })).toEqual({ _id: 4, a: 4, b: 4 });
    expect(await coll("two").findOne({ a: 40 })).toBeNull();
    await coll("two").insertOne({ _id: 5, a: 40, b: 40 });
    await expectServerError(coll("two").insertOne({ _id: 6, a: 4, b: 60 }), 11000);
  });
});

describe("bulk inserts against a unique index", () => {
  it("reports the duplicate as a write error with keyValue and keeps the others (unordered)", async () => {
    await coll("bulk").createIndex({ k: 1 }, { unique: true });
    const error = await coll("bulk").insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }], { ordered: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const writeErrors = [(error as MongoBulkWriteError).writeErrors].flat();
    expect(writeErrors.map((w) => [w.index, w.code])).toEqual([[2, 11000]]);
    expect(writeErrors[0]?.errmsg).toMatch(/duplicate key/);
    expect((await coll("bulk").find({}).sort({ k: 1 }).toArray()).map((d) => d.k)).toEqual([1, 2, 3]);
  });
});
