/** aggregate stages, countDocuments, estimatedDocumentCount and distinct. */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const orders = () => t.db().collection<AnyDoc>("orders");
const customers = () => t.db().collection<AnyDoc>("customers");

beforeAll(async () => {
  await customers().insertMany([
    { _id: "c1", name: "Ada", city: "London" },
    { _id: "c2", name: "Bo", city: "Paris" },
    { _id: "c3", name: "Cy", city: "London" },
  ]);
  await orders().insertMany([
    { _id: 1, customer: "c1", total: 10, items: ["pen", "ink"] },
    { _id: 2, customer: "c1", total: 30, items: ["book"] },
    { _id: 3, customer: "c2", total: 5, items: ["pen"] },
    { _id: 4, customer: "c3", total: 50, items: ["desk", "lamp", "pen"] },
    { _id: 5, customer: "c2", total: 15, items: [] },
  ]);
});

describe("aggregate", () => {
  it("runs $match, $group and $sort", async () => {
    const rows = await orders().aggregate([
      { $match: { total: { $gte: 10 } } },
      { $group: { _id: "$customer", sum: { $sum: "$total" }, count: { $sum: 1 }, max: { $max: "$total" } } },
      { $sort: { sum: -1 } },
    ]).toArray();
    expect(rows).toEqual([
      { _id: "c3", sum: 50, count: 1, max: 50 },
      { _id: "c1", sum: 40, count: 2, max: 30 },
      { _id: "c2", sum: 15, count: 1, max: 15 },
    ]);
  });

  it("joins with $lookup and flattens with $unwind, then shapes with $project", async () => {
    const rows = await orders().aggregate([
      { $match: { _id: { $in: [1, 3] } } },
      { $lookup: { from: "customers", localField: "customer", foreignField: "_id", as: "who" } },
      { $unwind: "$who" },
      { $project: { _id: 1, name: "$who.name", city: "$who.city" } },
      { $sort: { _id: 1 } },
    ]).toArray();
    expect(rows).toEqual([{ _id: 1, name: "Ada", city: "London" }, { _id: 3, name: "Bo", city: "Paris" }]);
  });

  it("unwinds arrays into one document per element, dropping empty arrays", async () => {
    const rows = await orders().aggregate([{ $unwind: "$items" }, { $group: { _id: "$items", n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }]).toArray();
    expect(rows[0]).toEqual({ _id: "pen", n: 3 });
    expect(rows.reduce((acc, r) => acc + r.n, 0)).toBe(7);
  });

  it("counts with $count", async () => {
    expect(await orders().aggregate([{ $match: { total: { $lt: 20 } } }, { $count: "cheap" }]).toArray()).toEqual([{ cheap: 3 }]);
  });

  it("runs sub-pipelines side by side with $facet", async () => {
    const [facets] = await orders().aggregate([
      { $facet: {
        byCustomer: [{ $group: { _id: "$customer" } }, { $sort: { _id: 1 } }],
        top: [{ $sort: { total: -1 } }, { $limit: 2 }, { $project: { _id: 1 } }],
        total: [{ $count: "n" }],
      } },
    ]).toArray();
    expect(facets).toEqual({
      byCustomer: [{ _id: "c1" }, { _id: "c2" }, { _id: "c3" }],
      top: [{ _id: 4 }, { _id: 2 }],
      total: [{ n: 5 }],
    });
  });

  it("returns large aggregation results through cursor batches", async () => {
    const many = t.db().collection<AnyDoc>("agg_many");
    await many.insertMany(Array.from({ length: 300 }, (_, i) => ({ i })));
    const rows = await many.aggregate([{ $sort: { i: 1 } }], { batchSize: 50 }).toArray();
    expect(rows.map((r) => r.i)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});

describe("counting and distinct", () => {
  it("countDocuments honours the filter, skip and limit", async () => {
    expect(await orders().countDocuments({})).toBe(5);
    expect(await orders().countDocuments({ customer: "c1" })).toBe(2);
    expect(await orders().countDocuments({}, { skip: 1, limit: 3 })).toBe(3);
    expect(await orders().countDocuments({}, { skip: 4 })).toBe(1);
    expect(await orders().countDocuments({ customer: "nobody" })).toBe(0);
  });

  it("estimatedDocumentCount reports the collection size, 0 for a missing collection", async () => {
    expect(await orders().estimatedDocumentCount()).toBe(5);
    expect(await t.db().collection("does_not_exist").estimatedDocumentCount()).toBe(0);
  });

  it("distinct lists unique values, unwinding arrays and applying a filter", async () => {
    expect((await orders().distinct("customer")).sort()).toEqual(["c1", "c2", "c3"]);
    expect((await orders().distinct("items")).sort()).toEqual(["book", "desk", "ink", "lamp", "pen"]);
    expect((await orders().distinct("items", { customer: "c1" })).sort()).toEqual(["book", "ink", "pen"]);
    expect(await customers().distinct("nope")).toEqual([]);
  });
});
