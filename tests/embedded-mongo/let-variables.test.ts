/**
 * `let` (MongoDB manual: find, aggregate, update, delete, findAndModify): variables defined once
 * per command and read as `$$name` in `$expr`, in pipeline updates and in aggregation expressions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

const byId = { $expr: { $eq: ["$_id", "$$id"] } };

beforeAll(async () => {
  await coll("items").insertMany([
    { _id: 1, name: "pen", qty: 10 },
    { _id: 2, name: "ink", qty: 3 },
    { _id: 3, name: "pad", qty: 7 },
  ]);
});

describe("let in reads", () => {
  it("find reads $$variables in $expr", async () => {
    expect(await coll("items").find(byId, { let: { id: 2 } }).toArray()).toEqual([{ _id: 2, name: "ink", qty: 3 }]);
    const low = await coll("items").find({ $expr: { $lt: ["$qty", "$$limit"] } }, { let: { limit: 8 } }).sort({ _id: 1 }).toArray();
    expect(low.map((d) => d._id)).toEqual([2, 3]);
  });

  it("evaluates a variable's expression once, before the documents", async () => {
    const found = await coll("items").find({ $expr: { $eq: ["$qty", "$$total"] } }, { let: { total: { $add: [3, 4] } } }).toArray();
    expect(found.map((d) => d._id)).toEqual([3]);
  });

  it("aggregate reads $$variables in $match and in computed fields", async () => {
    const rows = await coll("items").aggregate(
      [{ $match: { $expr: { $gte: ["$qty", "$$min"] } } }, { $sort: { _id: 1 } }, { $project: { _id: 1, scaled: { $multiply: ["$qty", "$$factor"] } } }],
      { let: { min: 7, factor: 10 } },
    ).toArray();
    expect(rows).toEqual([{ _id: 1, scaled: 100 }, { _id: 3, scaled: 70 }]);
  });

  it("reaches the command's variables inside a $lookup sub-pipeline, next to the stage's own", async () => {
    const rows = await coll("items").aggregate(
      [
        { $match: { _id: 1 } },
        {
          $lookup: {
            from: "items",
            let: { mine: "$qty" },
            pipeline: [{ $match: { $expr: { $and: [{ $lt: ["$qty", "$$mine"] }, { $gt: ["$qty", "$$floor"] }] } } }, { $project: { _id: 1 } }],
            as: "smaller",
          },
        },
        { $project: { _id: 1, smaller: 1 } },
      ],
      { let: { floor: 5 } },
    ).toArray();
    expect(rows).toEqual([{ _id: 1, smaller: [{ _id: 3 }] }]);
  });

  it("keeps a $literal value as written", async () => {
    const [row] = await coll("items").aggregate([{ $match: { _id: 1 } }, { $project: { _id: 0, v: "$$text" } }], { let: { text: { $literal: "$$NOW" } } }).toArray();
    expect(row).toEqual({ v: "$$NOW" });
  });

  it("refuses a variable that is not defined (code 17276)", async () => {
    await expectServerError(coll("items").find({ $expr: { $eq: ["$_id", "$$nope"] } }).toArray(), 17276);
  });
});

describe("let in writes", () => {
  it("updateOne matches with $$variables and a pipeline update reads them", async () => {
    await coll("upd").insertMany([{ _id: 1, v: "old" }, { _id: 2, v: "old" }]);
    const result = await coll("upd").updateOne(byId, [{ $set: { v: "$$next", by: "$$who" } }], { let: { id: 2, next: "new", who: "let" } });
    expect([result.matchedCount, result.modifiedCount]).toEqual([1, 1]);
    expect(await coll("upd").find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, v: "old" }, { _id: 2, v: "new", by: "let" }]);
  });

  it("updateMany with operators matches with $$variables", async () => {
    await coll("updm").insertMany([{ _id: 1, n: 1 }, { _id: 2, n: 5 }, { _id: 3, n: 9 }]);
    const result = await coll("updm").updateMany({ $expr: { $gt: ["$n", "$$floor"] } }, { $inc: { n: 1 } }, { let: { floor: 2 } });
    expect(result.modifiedCount).toBe(2);
  });

  it("deleteOne and deleteMany match with $$variables", async () => {
    await coll("del").insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    expect((await coll("del").deleteOne(byId, { let: { id: 1 } })).deletedCount).toBe(1);
    expect((await coll("del").deleteMany({ $expr: { $in: ["$_id", "$$ids"] } }, { let: { ids: [2, 3] } })).deletedCount).toBe(2);
    expect(await coll("del").countDocuments()).toBe(0);
  });

  it("findOneAndUpdate and findOneAndDelete match with $$variables", async () => {
    await coll("fam").insertMany([{ _id: 1, v: 1 }, { _id: 2, v: 2 }]);
    const updated = await coll("fam").findOneAndUpdate(byId, [{ $set: { v: { $add: ["$v", "$$step"] } } }], { let: { id: 1, step: 10 }, returnDocument: "after" });
    expect(updated).toEqual({ _id: 1, v: 11 });
    expect(await coll("fam").findOneAndDelete(byId, { let: { id: 2 } })).toEqual({ _id: 2, v: 2 });
  });
});
