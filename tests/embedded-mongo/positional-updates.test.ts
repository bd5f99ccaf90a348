/**
 * Update paths as mongod 7.0 reads them: conflicts only between a path and its prefixes, and the
 * positional `$` bound to the element the query's positive predicates matched (negations and
 * whole-array predicates record none), in update, findAndModify and bulk writes.
 */
import { MongoBulkWriteError, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);
const NO_MATCH = "The positional operator did not find the match needed from the query.";
const chat = () => ({ _id: 1, messages: [{ id: "m1", content: "a", interrupted: false }, { id: "m2", content: "b" }, { id: "m3", content: "c" }] });

describe("update path conflicts", () => {
  it("accepts disjoint subpaths under $, $[] and $[<id>], also across operators", async () => {
    await coll("paths").insertOne(chat());
    const at = new Date(1000);
    await coll("paths").updateOne({ _id: 1, "messages.id": "m2" }, { $set: { "messages.$.content": "B", "messages.$.updatedAt": at } });
    await coll("paths").updateOne({ _id: 1 }, { $set: { "messages.$[].seen": true, "messages.$[].n": 0 } });
    await coll("paths").updateOne({ _id: 1 }, { $set: { "messages.$[m].content": "C", "messages.$[m].edited": true } }, { arrayFilters: [{ "m.id": "m3" }] });
    await coll("paths").updateOne({ _id: 1, "messages.id": "m1" }, { $set: { "messages.$.content": "A" }, $inc: { "messages.$.n": 2 } });
    expect((await coll("paths").findOne({ _id: 1 }))?.messages).toEqual([
      { id: "m1", content: "A", interrupted: false, seen: true, n: 2 },
      { id: "m2", content: "B", updatedAt: at, seen: true, n: 0 },
      { id: "m3", content: "C", seen: true, n: 0, edited: true },
    ]);
  });

  it("refuses a path with its prefix (code 40) and writes nothing", async () => {
    await coll("conflict").insertOne({ _id: 1, a: [{ x: 1 }] });
    const prefix = await expectServerError(coll("conflict").updateOne({ _id: 1 }, { $set: { a: [], "a.b": 1 } }), 40);
    expect(prefix.message).toBe("Updating the path 'a.b' would create a conflict at 'a'");
    const positional = await expectServerError(coll("conflict").updateOne({ _id: 1, "a.x": 1 }, { $set: { "a.$": { x: 2 } }, $inc: { "a.$.x": 1 } }), 40);
    expect(positional.message).toBe("Updating the path 'a.$.x' would create a conflict at 'a.$'");
    const same = await expectServerError(coll("conflict").updateOne({ _id: 1 }, { $set: { "a.$[].x": 1 }, $inc: { "a.$[].x": 1 } }), 40);
    expect(same.message).toBe("Updating the path 'a.$[].x' would create a conflict at 'a.$[].x'");
    expect(await coll("conflict").findOne({ _id: 1 })).toEqual({ _id: 1, a: [{ x: 1 }] });
  });
});

describe("array updates need an array", () => {
  it("refuses $[] and $[<id>] on a missing or non-array field (code 2) and writes nothing", async () => {
    await coll("need_array").insertOne({ _id: 1, a: { b: 1 }, n: 5 });
    const missing = await expectServerError(coll("need_array").updateOne({ _id: 1 }, { $set: { "a.c.$[].x": 1 } }), 2);
    expect(missing.message).toBe("The path 'a.c' must exist in the document in order to apply array updates.");
    const scalar = await expectServerError(coll("need_array").updateOne({ _id: 1 }, { $inc: { "n.$[i]": 1 } }, { arrayFilters: [{ i: 0 }] }), 2);
    expect(scalar.message).toBe("Cannot apply array updates to non-array element n: 5");
    expect(await coll("need_array").findOne({ _id: 1 })).toEqual({ _id: 1, a: { b: 1 }, n: 5 });
  });
});

describe("the element positional $ stands for", () => {
  it("ignores negations: the element the positive predicate matched is updated", async () => {
    await coll("neg").insertOne(chat());
    const result = await coll("neg").updateOne({ _id: 1, "messages.id": "m2", "messages.interrupted": { $ne: true } }, { $set: { "messages.$.interrupted": true } });
    expect(result.modifiedCount).toBe(1);
    expect((await coll("neg").findOne({ _id: 1 }))?.messages.map((m: AnyDoc) => m.interrupted ?? false)).toEqual([false, true, false]);
  });

  it("answers code 2 and writes nothing when only negations or whole-array predicates touch the array", async () => {
    // Each filter matches the document (`$ne: 1` holds for no element having x 1).
    await coll("none").insertOne({ _id: 1, a: [{ x: 0 }, { x: 2 }], b: [1, 2] });
    for (const filter of [{ "a.x": { $ne: 1 } }, { "a.x": { $nin: [5] } }, { "a.x": { $not: { $gt: 5 } } }, { "a.y": { $exists: false } }, { a: { $size: 2 } }, { b: [1, 2] }, { $or: [{ "a.x": 2 }, { z: 1 }] }]) {
      const error = await expectServerError(coll("none").updateOne(filter, { $set: { "a.$.x": 9 } }), 2);
      expect(error.message).toBe(NO_MATCH);
    }
    expect(await coll("none").findOne({ _id: 1 })).toEqual({ _id: 1, a: [{ x: 0 }, { x: 2 }], b: [1, 2] });
  });

  it("records comparisons, $in, $elemMatch (negations inside are fine), $all, $and and paths into embedded documents", async () => {
    await coll("pos").insertOne({ _id: 1, v: [3, 7, 9], d: [{ k: "a", n: 1 }, { k: "b", n: 5, t: { u: 2 } }, { k: "c", n: 8 }] });
    await coll("pos").updateOne({ v: { $gt: 5 } }, { $set: { "v.$": 70 } });
    await coll("pos").updateOne({ v: { $in: [9, 100] } }, { $set: { "v.$": 90 } });
    await coll("pos").updateOne({ d: { $elemMatch: { k: { $ne: "a" }, n: { $gte: 5 } } } }, { $set: { "d.$.hit": "elemMatch" } });
    await coll("pos").updateOne({ "d.k": { $all: ["a", "c"] } }, { $set: { "d.$.all": true } });
    const inAnd: Document = { $and: [{ _id: 1 }, { "d.t.u": 2 }] };
    await coll("pos").updateOne(inAnd, { $inc: { "d.$.n": 10 } });
    const doc = await coll("pos").findOne({ _id: 1 });
    expect(doc?.v).toEqual([3, 70, 90]);
    expect(doc?.d).toEqual([{ k: "a", n: 1 }, { k: "b", n: 15, t: { u: 2 }, hit: "elemMatch" }, { k: "c", n: 8, all: true }]);
    // A one-clause $or is optimized into its clause, which then records.
    await coll("pos").updateOne({ $or: [{ "d.k": "c" }] }, { $set: { "d.$.or": 1 } });
    expect((await coll("pos").findOne({ _id: 1 }))?.d[2].or).toBe(1);
  });

  it("takes the last recording predicate in mongod's canonical order when conditions name two arrays", async () => {
    // The manual leaves this undefined; mongod 7.0 sorts the AND's predicates (by type, then path)
    // and the last to record wins: here `b` (offset 1) after `a` (offset 0).
    await coll("two").insertOne({ _id: 1, a: [1, 9], b: [0, 2] });
    await coll("two").updateOne({ b: 2, a: 1 }, { $set: { "a.$": 5 } });
    expect((await coll("two").findOne({ _id: 1 }))?.a).toEqual([1, 5]);
    // An explicit index records nothing, so `a`'s position stands.
    await coll("two").updateOne({ a: 5, "b.0": 0 }, { $set: { "a.$": 6 } });
    expect((await coll("two").findOne({ _id: 1 }))?.a).toEqual([1, 6]);
    // Two equalities on one path tie in that order and keep query order: the second one's element.
    await coll("two").insertOne({ _id: 2, c: [1, 2] });
    await coll("two").updateOne({ $and: [{ c: 1 }, { c: 2 }] }, { $set: { "c.$": 20 } });
    expect((await coll("two").findOne({ _id: 2 }))?.c).toEqual([1, 20]);
  });

  it("refuses a positional upsert that would insert (code 2) and inserts nothing", async () => {
    const error = await expectServerError(coll("ups").updateOne({ "a.x": 1 }, { $set: { "a.$.y": 1 } }, { upsert: true }), 2);
    expect(error.message).toBe(NO_MATCH);
    expect(await coll("ups").countDocuments()).toBe(0);
  });
});

describe("positional $ in findAndModify and bulk writes", () => {
  it("findOneAndUpdate uses the same record and refuses the same way", async () => {
    await coll("fam").insertOne(chat());
    const after = await coll("fam").findOneAndUpdate({ _id: 1, "messages.id": "m3", "messages.interrupted": { $ne: true } }, { $set: { "messages.$.content": "C" } }, { returnDocument: "after" });
    expect(after?.messages[2].content).toBe("C");
    const error = await expectServerError(coll("fam").findOneAndUpdate({ "messages.id": { $ne: "zz" } }, { $set: { "messages.$.content": "?" } }), 2);
    expect(error.message).toBe(NO_MATCH);
    expect((await coll("fam").findOne({ _id: 1 }))?.messages.map((m: AnyDoc) => m.content)).toEqual(["a", "b", "C"]);
  });

  for (const ordered of [true, false]) {
    it(`reports the failing statement's index in an ${ordered ? "ordered" : "unordered"} bulk write`, async () => {
      const name = `bulk_${ordered}`;
      await coll(name).insertMany([{ _id: 1, a: [{ x: 1 }, { x: 2 }] }, { _id: 2, a: [{ x: 1 }] }]);
      let caught: unknown;
      try {
        await coll(name).bulkWrite([
          { updateOne: { filter: { _id: 1, "a.x": 2 }, update: { $set: { "a.$.y": 1 } } } },
          { updateOne: { filter: { _id: 2, "a.x": { $ne: 5 } }, update: { $set: { "a.$.y": 1 } } } },
          { updateOne: { filter: { _id: 2, "a.x": 1 }, update: { $set: { "a.$.z": 1 } } } },
        ], { ordered });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MongoBulkWriteError);
      const errors = (caught as MongoBulkWriteError).writeErrors;
      const list = Array.isArray(errors) ? errors : [errors];
      expect(list.map((e) => [e.index, e.code, e.errmsg])).toEqual([[1, 2, NO_MATCH]]);
      expect((await coll(name).findOne({ _id: 1 }))?.a).toEqual([{ x: 1 }, { x: 2, y: 1 }]);
      expect((await coll(name).findOne({ _id: 2 }))?.a).toEqual(ordered ? [{ x: 1 }] : [{ x: 1, z: 1 }]);
    });
  }
});
