/**
 * Field names with `$` and `.` (MongoDB manual, "Field Names with Periods and Dollar Signs"): since
 * 5.0 they may be stored, but never a `$`-prefixed field inside `_id`, and `_id` may not be an
 * array or a regular expression.
 */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

describe("_id", () => {
  it("refuses a $-prefixed field inside _id (code 52) and stores nothing", async () => {
    await expectServerError(coll("ids").insertOne({ _id: { $a: 1 } }), 52);
    await expectServerError(coll("ids").insertMany([{ _id: { a: 1, $b: 2 } }]), 52);
    expect(await coll("ids").countDocuments()).toBe(0);
  });

  it("refuses an upsert whose _id would hold a $-prefixed field", async () => {
    await expectServerError(coll("ids").replaceOne({ k: 1 }, { _id: { $x: 1 } } as AnyDoc, { upsert: true }), 52);
    await expectServerError(coll("ids").updateOne({ v: 1 }, { $set: { _id: { $x: 1 } } }, { upsert: true }), 52);
    expect(await coll("ids").countDocuments()).toBe(0);
  });

  it("refuses an array or a regular expression as _id", async () => {
    await expectServerError(coll("ids").insertOne({ _id: [1, 2] as unknown as number }), 2);
    await expectServerError(coll("ids").insertOne({ _id: /x/ as unknown as string }), 2);
  });

  it("accepts an embedded-document _id with ordinary field names", async () => {
    await coll("ids").insertOne({ _id: { a: 1, b: "x" } });
    expect(await coll("ids").findOne({ _id: { a: 1, b: "x" } })).toEqual({ _id: { a: 1, b: "x" } });
  });
});

describe("$ and . in other field names", () => {
  it("stores top-level and nested $-prefixed and dotted field names on insert", async () => {
    await coll("names").insertOne({ _id: 1, $price: 5, "a.b": 2, nested: { $q: 1 } });
    expect(await coll("names").findOne({ _id: 1 })).toEqual({ _id: 1, $price: 5, "a.b": 2, nested: { $q: 1 } });
  });
});
