/** update: matched vs modified, upserts, multi, arrayFilters, replacement, and update errors. */
import type { Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

describe("matched vs modified", () => {
  it("counts a no-op $set as matched but not modified", async () => {
    await coll("noop").insertOne({ _id: 1, a: 1 });
    const same = await coll("noop").updateOne({ _id: 1 }, { $set: { a: 1 } });
    expect([same.matchedCount, same.modifiedCount]).toEqual([1, 0]);
    const changed = await coll("noop").updateOne({ _id: 1 }, { $set: { a: 2 } });
    expect([changed.matchedCount, changed.modifiedCount]).toEqual([1, 1]);
    const none = await coll("noop").updateOne({ _id: 404 }, { $set: { a: 2 } });
    expect([none.matchedCount, none.modifiedCount, none.upsertedCount]).toEqual([0, 0, 0]);
  });

  it("updates every match with updateMany and counts only real changes", async () => {
    await coll("multi").insertMany([{ g: "x", v: 1 }, { g: "x", v: 2 }, { g: "x", v: 2 }, { g: "y", v: 2 }]);
    const result = await coll("multi").updateMany({ g: "x" }, { $set: { v: 2 } });
    expect([result.matchedCount, result.modifiedCount]).toEqual([3, 1]);
    expect(await coll("multi").countDocuments({ v: 2 })).toBe(4);
  });

  it("applies $inc, $push, $pull, $addToSet, $unset, $rename, $min, $max and $mul", async () => {
    await coll("ops").insertOne({ _id: 1, n: 5, list: [1, 2, 3], set: ["a"], gone: true, old: "o", lo: 5, hi: 5, m: 3 });
    const operators: Document = {
      $inc: { n: 2 }, $push: { list: 4 }, $addToSet: { set: { $each: ["a", "b"] } }, $unset: { gone: "" },
      $rename: { old: "renamed" }, $min: { lo: 1 }, $max: { hi: 9 }, $mul: { m: 2 },
    };
    await coll("ops").updateOne({ _id: 1 }, operators);
    const pull: Document = { $pull: { list: { $lt: 3 } } };
    await coll("ops").updateOne({ _id: 1 }, pull);
    expect(await coll("ops").findOne({ _id: 1 })).toEqual({
      _id: 1, n: 7, list: [3, 4], set: ["a", "b"], renamed: "o", lo: 1, hi: 9, m: 6,
    });
  });
});

describe("field order", () => {
  it("creates new fields in lexicographic order, whatever the order of the update (MongoDB 5.0+)", async () => {
    await coll("order").insertOne({ _id: 1, m: 0 });
    await coll("order").updateOne({ _id: 1 }, { $set: { z: 1, b: 1 }, $inc: { a: 1 } });
    expect(Object.keys((await coll("order").findOne({ _id: 1 }))!)).toEqual(["_id", "m", "a", "b", "z"]);
  });
});

describe("upsert", () => {
  it("builds the new document from the equality filter plus $set and $setOnInsert", async () => {
    const result = await coll("upsert").updateOne(
      { k: "x", n: 5, "meta.src": "test", score: { $gt: 3 } },
      { $set: { v: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect([result.matchedCount, result.modifiedCount, result.upsertedCount]).toEqual([0, 0, 1]);
    expect(result.upsertedId).toBeDefined();
    const doc = await coll("upsert").findOne({ _id: result.upsertedId! });
    expect(doc).toEqual({ _id: result.upsertedId, k: "x", n: 5, meta: { src: "test" }, v: 1, created: true });
  });

  it("uses an _id from the filter and skips $setOnInsert when the document exists", async () => {
    const first = await coll("upsert_id").updateOne({ _id: "fixed" }, { $inc: { hits: 1 }, $setOnInsert: { first: true } }, { upsert: true });
    expect(first.upsertedId).toBe("fixed");
    const second = await coll("upsert_id").updateOne({ _id: "fixed" }, { $inc: { hits: 1 }, $setOnInsert: { first: false } }, { upsert: true });
    expect([second.matchedCount, second.modifiedCount, second.upsertedCount]).toEqual([1, 1, 0]);
    expect(await coll("upsert_id").findOne({ _id: "fixed" })).toEqual({ _id: "fixed", hits: 2, first: true });
  });

  it("upserts with a replacement document, taking _id from the filter", async () => {
    const result = await coll("upsert_replace").replaceOne({ _id: 7 }, { name: "seven" }, { upsert: true });
    expect(result.upsertedId).toBe(7);
    expect(await coll("upsert_replace").findOne({ _id: 7 })).toEqual({ _id: 7, name: "seven" });
  });
});

describe("arrayFilters and positional updates", () => {
  it("updates only the array elements the filter selects", async () => {
    await coll("arrays").insertOne({ _id: 1, grades: [80, 95, 100, 97] });
    const result = await coll("arrays").updateOne({ _id: 1 }, { $set: { "grades.$[high]": 0 } }, { arrayFilters: [{ high: { $gte: 96 } }] });
    expect(result.modifiedCount).toBe(1);
    expect((await coll("arrays").findOne({ _id: 1 }))?.grades).toEqual([80, 95, 0, 0]);
  });

  it("updates fields of matching embedded documents and the first positional match", async () => {
    await coll("arrays").insertOne({ _id: 2, items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 1 }, { sku: "a", qty: 5 }] });
    await coll("arrays").updateOne({ _id: 2 }, { $inc: { "items.$[it].qty": 10 } }, { arrayFilters: [{ "it.sku": "a" }] });
    await coll("arrays").updateOne({ _id: 2, "items.sku": "b" }, { $set: { "items.$.qty": 99 } });
    expect((await coll("arrays").findOne({ _id: 2 }))?.items).toEqual([
      { sku: "a", qty: 11 }, { sku: "b", qty: 99 }, { sku: "a", qty: 15 },
    ]);
  });
});

describe("replacement", () => {
  it("replaces the whole document but keeps its _id", async () => {
    await coll("replace").insertOne({ _id: 1, a: 1, b: 2 });
    const result = await coll("replace").replaceOne({ _id: 1 }, { c: 3 });
    expect([result.matchedCount, result.modifiedCount]).toEqual([1, 1]);
    expect(await coll("replace").findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
  });
});

describe("pipeline updates", () => {
  it("keeps the original _id when the pipeline's result has none ($replaceRoot, $project)", async () => {
    await coll("pipeline").insertMany([{ _id: 1, t: { x: 1 } }, { _id: 2, a: 1, b: 2 }]);
    const replaced = await coll("pipeline").updateOne({ _id: 1 }, [{ $replaceRoot: { newRoot: "$t" } }]);
    expect([replaced.matchedCount, replaced.modifiedCount]).toEqual([1, 1]);
    expect(await coll("pipeline").findOne({ _id: 1 })).toEqual({ _id: 1, x: 1 });
    await coll("pipeline").updateOne({ _id: 2 }, [{ $project: { _id: 0, b: 1 } }]);
    expect(await coll("pipeline").findOne({ _id: 2 })).toEqual({ _id: 2, b: 2 });
  });

  it("refuses a pipeline that changes _id (code 66)", async () => {
    await coll("pipeline").insertOne({ _id: 3, v: 1 });
    await expectServerError(coll("pipeline").updateOne({ _id: 3 }, [{ $set: { _id: 4 } }]), 66);
    expect(await coll("pipeline").findOne({ _id: 3 })).toEqual({ _id: 3, v: 1 });
  });
});

describe("update errors", () => {
  it("refuses to change _id with $set (code 66) and leaves the document alone", async () => {
    await coll("immutable").insertOne({ _id: 1, a: 1 });
    await expectServerError(coll("immutable").updateOne({ _id: 1 }, { $set: { _id: 2, a: 2 } }), 66);
    expect(await coll("immutable").findOne({ _id: 1 })).toEqual({ _id: 1, a: 1 });
    expect(await coll("immutable").countDocuments({ _id: 2 })).toBe(0);
  });

  it("refuses a replacement that changes _id (code 66)", async () => {
    await coll("immutable").insertOne({ _id: 3, a: 1 });
    await expectServerError(coll("immutable").replaceOne({ _id: 3 }, { _id: 4, a: 2 }), 66);
    expect(await coll("immutable").findOne({ _id: 3 })).toEqual({ _id: 3, a: 1 });
  });

  it("refuses $inc on a string (code 14) and leaves the document alone", async () => {
    await coll("types").insertOne({ _id: 1, name: "text", n: 1 });
    await expectServerError(coll("types").updateOne({ _id: 1 }, { $inc: { name: 1, n: 1 } }), 14);
    expect(await coll("types").findOne({ _id: 1 })).toEqual({ _id: 1, name: "text", n: 1 });
  });

  it("refuses updateMany when a matched document cannot be changed, leaving that one untouched", async () => {
    await coll("partial").insertMany([{ _id: 1, v: 1 }, { _id: 2, v: "two" }]);
    await expectServerError(coll("partial").updateMany({}, { $inc: { v: 1 } }), 14);
    expect(await coll("partial").findOne({ _id: 2 })).toEqual({ _id: 2, v: "two" });
  });
});
