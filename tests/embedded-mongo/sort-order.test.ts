/** BSON comparison order across types, and by-value comparison of ObjectId and Date. */
import { Double, Int32, Long, ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const mixed = () => t.db().collection<AnyDoc>("mixed");

const oidLow = new ObjectId("000000000000000000000001");
const oidHigh = new ObjectId("ffffffffffffffffffffffff");
const early = new Date("2001-01-01T00:00:00Z");
const late = new Date("2030-01-01T00:00:00Z");

// Ascending BSON order: null/missing < numbers < strings < objects < arrays < ObjectId < booleans < dates.
const EXPECTED_ASCENDING = [
  ["null", "missing"],
  ["neg"], ["double"], ["int32"], ["long"],
  ["B"], ["a"],
  ["objA"], ["objZ"],
  ["oidLow"], ["oidHigh"],
  ["false"], ["true"],
  ["early"], ["late"],
];

beforeAll(async () => {
  await mixed().insertMany([
    { _id: "late", v: late }, { _id: "true", v: true }, { _id: "objZ", v: { z: 1 } }, { _id: "a", v: "a" },
    { _id: "oidHigh", v: oidHigh }, { _id: "long", v: Long.fromNumber(10) }, { _id: "null", v: null },
    { _id: "int32", v: new Int32(3) }, { _id: "B", v: "B" }, { _id: "early", v: early }, { _id: "missing" },
    { _id: "double", v: new Double(2.5) }, { _id: "oidLow", v: oidLow }, { _id: "false", v: false },
    { _id: "objA", v: { a: 1 } }, { _id: "neg", v: -7 },
  ]);
});

function groupLike(ids: string[]): string[][] {
  const groups: string[][] = [];
  let i = 0;
  for (const expected of EXPECTED_ASCENDING) {
    groups.push(ids.slice(i, i + expected.length).sort());
    i += expected.length;
  }
  return groups;
}

describe("BSON sort order", () => {
  it("sorts ascending across types in BSON order", async () => {
    const ids = (await mixed().find({}).sort({ v: 1 }).toArray()).map((d) => String(d._id));
    expect(ids).toHaveLength(16);
    expect(groupLike(ids)).toEqual(EXPECTED_ASCENDING.map((g) => [...g].sort()));
  });

  it("sorts descending as the exact reverse", async () => {
    const ids = (await mixed().find({}).sort({ v: -1, _id: 1 }).toArray()).map((d) => String(d._id));
    expect(groupLike([...ids].reverse())).toEqual(EXPECTED_ASCENDING.map((g) => [...g].sort()));
  });

  it("sorts in aggregate $sort the same way", async () => {
    const rows = await mixed().aggregate([{ $sort: { v: 1, _id: 1 } }, { $project: { _id: 1 } }]).toArray();
    expect(groupLike(rows.map((r) => String(r._id)))).toEqual(EXPECTED_ASCENDING.map((g) => [...g].sort()));
  });
});

describe("comparison queries", () => {
  it("compares only within a type: $gt on a number never matches strings or dates", async () => {
    const ids = (await mixed().find({ v: { $gt: 0 } }).toArray()).map((d) => d._id).sort();
    expect(ids).toEqual(["double", "int32", "long"]);
  });

  it("matches numbers by value across int32, int64 and double", async () => {
    expect((await mixed().find({ v: 10 }).toArray()).map((d) => d._id)).toEqual(["long"]);
    expect((await mixed().find({ v: { $gte: 2.5, $lte: 3 } }).toArray()).map((d) => d._id).sort()).toEqual(["double", "int32"]);
  });

  it("compares ObjectIds by value", async () => {
    const found = await mixed().find({ v: { $gt: oidLow } }).toArray();
    expect(found.map((d) => d._id)).toEqual(["oidHigh"]);
    expect((await mixed().findOne({ v: new ObjectId(oidHigh.toHexString()) }))?._id).toBe("oidHigh");
  });

  it("compares Dates by value", async () => {
    const found = await mixed().find({ v: { $gte: new Date("2010-01-01") } }).toArray();
    expect(found.map((d) => d._id)).toEqual(["late"]);
    expect((await mixed().findOne({ v: new Date(early.getTime()) }))?._id).toBe("early");
  });

  it("matches null for both null and missing fields", async () => {
    const ids = (await mixed().find({ v: null }).toArray()).map((d) => d._id).sort();
    expect(ids).toEqual(["missing", "null"]);
  });

  it("sorts ObjectIds generated over time in creation order", async () => {
    const coll = t.db().collection<AnyDoc>("oids");
    const ids = Array.from({ length: 20 }, () => new ObjectId());
    await coll.insertMany([...ids].reverse().map((_id, n) => ({ _id, n })));
    const sorted = (await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => (d._id as ObjectId).toHexString());
    expect(sorted).toEqual(ids.map((id) => id.toHexString()));
  });
});
