/** $in / $nin: mongod's equality (numbers across types, documents, arrays, null, regexes) at any list size. */
import { Decimal128, Long, ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);
const ids = async (name: string, filter: AnyDoc) => (await coll(name).find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);

describe("$in and $nin membership", () => {
  it("treats 1, 1.0, Long(1) and Decimal128('1') as one value, and compares ObjectIds, dates and documents by value", async () => {
    const oid = new ObjectId();
    await coll("in_eq").insertMany([
      { _id: 1, v: 1 }, { _id: 2, v: 2.5 }, { _id: 3, v: new ObjectId(oid.toHexString()) }, { _id: 4, v: new Date(5) },
      { _id: 5, v: { a: 1, b: 2 } }, { _id: 6, v: { b: 2, a: 1 } }, { _id: 7, v: "x" },
    ]);
    expect(await ids("in_eq", { v: { $in: [Long.fromNumber(1)] } })).toEqual([1]);
    expect(await ids("in_eq", { v: { $in: [Decimal128.fromString("1"), 7] } })).toEqual([1]);
    expect(await ids("in_eq", { v: { $in: [new ObjectId(oid.toHexString()), new Date(5)] } })).toEqual([3, 4]);
    expect(await ids("in_eq", { v: { $in: [{ a: 1, b: 2 }] } })).toEqual([5]);
    expect(await ids("in_eq", { v: { $nin: [1, "x", { a: 1, b: 2 }] } })).toEqual([2, 3, 4, 6]);
  });

  it("matches array elements and whole arrays, null matches missing, and regexes match strings", async () => {
    await coll("in_arr").insertMany([
      { _id: 1, v: [1, 2] }, { _id: 2, v: [[1, 2], 3] }, { _id: 3 }, { _id: 4, v: null }, { _id: 5, v: "apple" }, { _id: 6, v: "pear" },
    ]);
    expect(await ids("in_arr", { v: { $in: [2] } })).toEqual([1]);
    expect(await ids("in_arr", { v: { $in: [[1, 2]] } })).toEqual([1, 2]);
    expect(await ids("in_arr", { v: { $in: [null] } })).toEqual([3, 4]);
    expect(await ids("in_arr", { v: { $in: [/^ap/, 3] } })).toEqual([2, 5]);
    expect(await ids("in_arr", { v: { $nin: [null, /^ap/] } })).toEqual([1, 2, 6]);
    await coll("in_path").insertMany([{ _id: 1, a: [{ b: [1, 2] }] }, { _id: 2, a: [{ b: 3 }, { b: 2 }] }, { _id: 3, a: { b: [[2]] } }]);
    expect(await ids("in_path", { "a.b": { $in: [2] } })).toEqual([1, 2]);
    expect(await ids("in_path", { "a.b": { $in: [[1, 2]] } })).toEqual([1]);
  });

  it("answers thousands of ObjectIds on _id, a secondary index and an unindexed field alike", async () => {
    const docs = Array.from({ length: 3000 }, (_, i) => ({ _id: new ObjectId(), k: new ObjectId(), u: new ObjectId(), i }));
    await coll("in_many").insertMany(docs);
    await coll("in_many").createIndex({ k: 1 });
    const wanted = docs.filter((d) => d.i % 3 === 0);
    for (const field of ["_id", "k", "u"] as const) {
      const list = [...wanted.map((d) => d[field]), new ObjectId()];
      expect(await coll("in_many").countDocuments({ [field]: { $in: list } })).toBe(wanted.length);
      expect(await coll("in_many").countDocuments({ [field]: { $nin: list } })).toBe(docs.length - wanted.length);
    }
    const found = await coll("in_many").find({ k: { $in: wanted.slice(0, 5).map((d) => d.k) } }, { projection: { i: 1, _id: 0 } }).sort({ i: 1 }).toArray();
    expect(found).toEqual(wanted.slice(0, 5).map((d) => ({ i: d.i })));
  });
});
