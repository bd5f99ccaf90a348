/**
 * `$type` (MongoDB manual, "$type" and "BSON Types") matches by BSON type name, number and the
 * "number" alias; `$project` / find projections return included fields in the document's order
 * and computed fields after them.
 */
import { Binary, Decimal128, Long, ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

const typed = () => coll("typed");
const idsOf = async (filter: AnyDoc) => (await typed().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);

beforeAll(async () => {
  await typed().insertMany([
    { _id: 1, v: new ObjectId() },
    { _id: 2, v: new Binary(Buffer.from("bytes")) },
    // Beyond 2^53: the driver keeps it a Long, so it travels (and is stored) as a 64-bit integer.
    { _id: 3, v: Long.fromString("9007199254740993") },
    { _id: 4, v: Decimal128.fromString("1.5") },
    { _id: 5, v: 7 },
    { _id: 6, v: 7.5 },
    { _id: 7, v: "text" },
    { _id: 8, v: [new ObjectId(), "in an array"] },
    { _id: 9, v: null },
    { _id: 10, v: new Date(0) },
    { _id: 11, v: true },
    { _id: 12, v: { nested: 1 } },
    { _id: 13 },
  ]);
});

describe("$type", () => {
  it("matches objectId, binData, long and decimal values", async () => {
    expect(await idsOf({ v: { $type: "objectId" } })).toEqual([1, 8]);
    expect(await idsOf({ v: { $type: "binData" } })).toEqual([2]);
    expect(await idsOf({ v: { $type: "long" } })).toEqual([3]);
    expect(await idsOf({ v: { $type: "decimal" } })).toEqual([4]);
  });

  it("tells int from double and matches all numbers with the \"number\" alias", async () => {
    expect(await idsOf({ v: { $type: "int" } })).toEqual([5]);
    expect(await idsOf({ v: { $type: "double" } })).toEqual([6]);
    expect(await idsOf({ v: { $type: "number" } })).toEqual([3, 4, 5, 6]);
  });

  it("accepts BSON type numbers and lists of types", async () => {
    expect(await idsOf({ v: { $type: 7 } })).toEqual([1, 8]);
    expect(await idsOf({ v: { $type: 18 } })).toEqual([3]);
    expect(await idsOf({ v: { $type: ["string", "bool"] } })).toEqual([7, 8, 11]);
    expect(await idsOf({ v: { $type: [9, 10] } })).toEqual([9, 10]);
  });

  it("matches arrays, embedded documents and never a missing field", async () => {
    expect(await idsOf({ v: { $type: "array" } })).toEqual([8]);
    expect(await idsOf({ v: { $type: "object" } })).toEqual([12]);
    expect(await idsOf({ v: { $type: "null" } })).toEqual([9]);
  });

  it("reports type names from the $type expression", async () => {
    const rows = await typed().aggregate([{ $match: { _id: { $in: [1, 2, 5, 6, 13] } } }, { $sort: { _id: 1 } }, { $project: { t: { $type: "$v" } } }]).toArray();
    expect(rows.map((r) => r.t)).toEqual(["objectId", "binData", "int", "double", "missing"]);
  });

  it("refuses an unknown type alias (code 2)", async () => {
    await expectServerError(typed().find({ v: { $type: "objectid" } }).toArray(), 2);
  });
});

describe("projection field order", () => {
  beforeAll(async () => {
    await coll("shapes").insertOne({ _id: 1, a: 1, b: 2, c: 3 });
  });

  it("$project puts included fields in the document's order and computed ones after them", async () => {
    const [row] = await coll("shapes").aggregate([{ $project: { c: 1, sum: { $add: ["$a", "$b"] }, a: 1, label: "x" } }]).toArray();
    expect(Object.keys(row!)).toEqual(["_id", "a", "c", "sum", "label"]);
    expect(row).toEqual({ _id: 1, a: 1, c: 3, sum: 3, label: "x" });
  });

  it("puts a computed field after the included ones even when it replaces an existing field", async () => {
    const [row] = await coll("shapes").aggregate([{ $project: { a: { $multiply: ["$a", 10] }, c: 1, b: 1 } }]).toArray();
    expect(Object.keys(row!)).toEqual(["_id", "b", "c", "a"]);
    expect(row).toEqual({ _id: 1, b: 2, c: 3, a: 10 });
  });

  it("find projections order fields the same way", async () => {
    const doc = await coll("shapes").findOne({ _id: 1 }, { projection: { c: 1, twice: { $multiply: ["$b", 2] }, a: 1 } });
    expect(Object.keys(doc!)).toEqual(["_id", "a", "c", "twice"]);
    const plain = await coll("shapes").findOne({ _id: 1 }, { projection: { c: 1, a: 1 } });
    expect(Object.keys(plain!)).toEqual(["_id", "a", "c"]);
  });
});
