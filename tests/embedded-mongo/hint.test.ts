/**
 * `hint` (MongoDB manual, cursor.hint() and the hint option of count, update, delete,
 * findAndModify and aggregate): an existing index by name or key pattern is accepted; one that
 * does not exist is refused (code 2, "hint provided does not correspond to an existing index").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = () => t.db().collection<AnyDoc>("hinted");

beforeAll(async () => {
  await coll().insertMany([{ _id: 1, a: 1 }, { _id: 2, a: 2 }, { _id: 3, a: 2 }]);
  await coll().createIndex({ a: 1 }, { name: "by_a" });
});

describe("hint", () => {
  it("accepts an existing index by name, by key pattern, or $natural, with the same results", async () => {
    expect((await coll().find({ a: 2 }).hint("by_a").toArray()).map((d) => d._id).sort()).toEqual([2, 3]);
    expect((await coll().find({ a: 2 }).hint({ a: 1 }).toArray()).map((d) => d._id).sort()).toEqual([2, 3]);
    expect(await coll().find({ a: 2 }).hint({ $natural: 1 }).count()).toBe(2);
    expect(await coll().countDocuments({ a: 2 }, { hint: "_id_" })).toBe(2);
  });

  it("refuses an index that does not exist, for reads and writes alike (code 2)", async () => {
    await expectServerError(coll().find({ a: 2 }).hint("nope").toArray(), 2);
    await expectServerError(coll().find({}).hint({ b: 1 }).toArray(), 2);
    await expectServerError(coll().aggregate([{ $match: { a: 2 } }], { hint: "nope" }).toArray(), 2);
    await expectServerError(coll().updateOne({ a: 2 }, { $set: { x: 1 } }, { hint: "nope" }), 2);
    await expectServerError(coll().deleteMany({ a: 2 }, { hint: { b: 1 } }), 2);
    await expectServerError(coll().findOneAndUpdate({ a: 2 }, { $set: { x: 1 } }, { hint: { nope: 1 } }), 2);
    expect(await coll().countDocuments({ x: 1 })).toBe(0);
    expect(await coll().countDocuments()).toBe(3);
  });
});
