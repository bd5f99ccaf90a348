/**
 * Collation (MongoDB manual, "Collation"): string comparison by locale rules in find, sort, count,
 * distinct, update, delete, findAndModify, aggregate and unique indexes.
 */
import type { CollationOptions } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

const caseInsensitive: CollationOptions = { locale: "en", strength: 2 };

const ids = (docs: AnyDoc[]) => docs.map((d) => d._id);
const values = (docs: AnyDoc[]) => docs.map((d) => d.x);

beforeAll(async () => {
  await coll("words").insertMany([
    { _id: 1, x: "ping" },
    { _id: 2, x: "PING" },
    { _id: 3, x: "Ping" },
    { _id: 4, x: "pong" },
  ]);
});

describe("find with a collation", () => {
  it("matches equal strings under strength 2 and only exact bytes without a collation", async () => {
    expect(ids(await coll("words").find({ x: "PING" }).sort({ _id: 1 }).toArray())).toEqual([2]);
    expect(ids(await coll("words").find({ x: "PING" }, { collation: caseInsensitive }).sort({ _id: 1 }).toArray())).toEqual([1, 2, 3]);
    expect(ids(await coll("words").find({ x: { $in: ["PONG"] } }, { collation: caseInsensitive }).toArray())).toEqual([4]);
    expect(ids(await coll("words").find({ x: { $ne: "ping" } }, { collation: caseInsensitive }).toArray())).toEqual([4]);
  });

  it("compares ranges under the collation", async () => {
    await coll("range").insertMany([{ _id: 1, x: "a" }, { _id: 2, x: "B" }, { _id: 3, x: "c" }]);
    // Binary: "B" (0x42) sorts before "a" (0x61), so it is not >= "b".
    expect(ids(await coll("range").find({ x: { $gte: "b" } }).sort({ _id: 1 }).toArray())).toEqual([3]);
    expect(ids(await coll("range").find({ x: { $gte: "b" } }, { collation: { locale: "en", strength: 1 } }).sort({ _id: 1 }).toArray())).toEqual([2, 3]);
  });

  it("applies the collation inside $expr comparisons", async () => {
    const found = await coll("words").find({ $expr: { $eq: ["$x", "PONG"] } }, { collation: caseInsensitive }).toArray();
    expect(ids(found)).toEqual([4]);
  });

  it("ignores accents at strength 1 and keeps case apart with caseLevel", async () => {
    await coll("accents").insertMany([{ _id: 1, x: "a" }, { _id: 2, x: "A" }, { _id: 3, x: "á" }, { _id: 4, x: "b" }]);
    const base = await coll("accents").find({ x: "a" }, { collation: { locale: "en", strength: 1 } }).sort({ _id: 1 }).toArray();
    expect(ids(base)).toEqual([1, 2, 3]);
    const withCase = await coll("accents").find({ x: "a" }, { collation: { locale: "en", strength: 1, caseLevel: true } }).sort({ _id: 1 }).toArray();
    expect(ids(withCase)).toEqual([1, 3]);
    const accents = await coll("accents").find({ x: "a" }, { collation: { locale: "en", strength: 2 } }).sort({ _id: 1 }).toArray();
    expect(ids(accents)).toEqual([1, 2]);
  });

  it("treats punctuation and spaces as ignorable with alternate: shifted", async () => {
    await coll("shifted").insertMany([{ _id: 1, x: "ab" }, { _id: 2, x: "a-b" }, { _id: 3, x: "a b" }, { _id: 4, x: "abc" }]);
    expect(ids(await coll("shifted").find({ x: "ab" }, { collation: { locale: "en" } }).toArray())).toEqual([1]);
    const shifted = await coll("shifted").find({ x: "ab" }, { collation: { locale: "en", alternate: "shifted" } }).sort({ _id: 1 }).toArray();
    expect(ids(shifted)).toEqual([1, 2, 3]);
  });
});

describe("sort with a collation", () => {
  beforeAll(async () => {
    await coll("sorting").insertMany([
      { _id: 1, x: "b" }, { _id: 2, x: "B" }, { _id: 3, x: "a" }, { _id: 4, x: "A" },
      { _id: 5, x: "10" }, { _id: 6, x: "9" }, { _id: 7, x: "z" }, { _id: 8, x: "ä" },
    ]);
  });

  it("orders upper or lower case first as caseFirst says", async () => {
    const letters = { x: { $in: ["a", "A", "b", "B"] } };
    const upper = await coll("sorting").find(letters, { collation: { locale: "en", caseFirst: "upper" } }).sort({ x: 1 }).toArray();
    expect(values(upper)).toEqual(["A", "a", "B", "b"]);
    const lower = await coll("sorting").find(letters, { collation: { locale: "en", caseFirst: "lower" } }).sort({ x: 1 }).toArray();
    expect(values(lower)).toEqual(["a", "A", "b", "B"]);
    expect(values(await coll("sorting").find(letters).sort({ x: 1 }).toArray())).toEqual(["A", "B", "a", "b"]);
  });

  it("compares digit runs as numbers with numericOrdering", async () => {
    const digits = { x: { $in: ["10", "9"] } };
    expect(values(await coll("sorting").find(digits).sort({ x: 1 }).toArray())).toEqual(["10", "9"]);
    const numeric = await coll("sorting").find(digits, { collation: { locale: "en", numericOrdering: true } }).sort({ x: 1 }).toArray();
    expect(values(numeric)).toEqual(["9", "10"]);
  });

  it("follows the locale's alphabet (Swedish ä after z, English ä with a)", async () => {
    const some = { x: { $in: ["a", "z", "ä"] } };
    expect(values(await coll("sorting").find(some, { collation: { locale: "en" } }).sort({ x: 1 }).toArray())).toEqual(["a", "ä", "z"]);
    expect(values(await coll("sorting").find(some, { collation: { locale: "sv" } }).sort({ x: 1 }).toArray())).toEqual(["a", "z", "ä"]);
  });
});

describe("count, distinct, update, delete, findAndModify and aggregate with a collation", () => {
  it("counts with the collation (count command and countDocuments)", async () => {
    expect(await coll("words").countDocuments({ x: "ping" }, { collation: caseInsensitive })).toBe(3);
    const reply = await t.db().command({ count: "words", query: { x: "ping" }, collation: caseInsensitive });
    expect(reply.n).toBe(3);
  });

  it("returns values the collation holds equal once from distinct", async () => {
    expect((await coll("words").distinct("x")).length).toBe(4);
    const distinct = await coll("words").distinct("x", {}, { collation: caseInsensitive });
    expect(distinct).toHaveLength(2);
    expect(distinct.map((v: string) => v.toLowerCase()).sort()).toEqual(["ping", "pong"]);
  });

  it("updates and deletes every document the collation matches", async () => {
    await coll("writes").insertMany([{ _id: 1, x: "ping" }, { _id: 2, x: "PING" }, { _id: 3, x: "pong" }]);
    const updated = await coll("writes").updateMany({ x: "Ping" }, { $set: { seen: true } }, { collation: caseInsensitive });
    expect([updated.matchedCount, updated.modifiedCount]).toEqual([2, 2]);
    const deleted = await coll("writes").deleteMany({ x: "PING" }, { collation: caseInsensitive });
    expect(deleted.deletedCount).toBe(2);
    expect(await coll("writes").find().toArray()).toEqual([{ _id: 3, x: "pong" }]);
  });

  it("finds and modifies with the collation", async () => {
    await coll("fam").insertMany([{ _id: 1, x: "ping" }, { _id: 2, x: "pong" }]);
    const before = await coll("fam").findOneAndUpdate({ x: "PONG" }, { $set: { hit: true } }, { collation: caseInsensitive });
    expect(before).toEqual({ _id: 2, x: "pong" });
    expect(await coll("fam").findOne({ _id: 2 })).toEqual({ _id: 2, x: "pong", hit: true });
  });

  it("matches and sorts in aggregate with the collation", async () => {
    const rows = await coll("words").aggregate([{ $match: { x: "PING" } }, { $sort: { _id: -1 } }, { $project: { _id: 1 } }], { collation: caseInsensitive }).toArray();
    expect(rows).toEqual([{ _id: 3 }, { _id: 2 }, { _id: 1 }]);
    const sorted = await coll("words").aggregate([{ $sort: { x: 1, _id: 1 } }, { $project: { _id: 1 } }], { collation: { locale: "en", caseFirst: "upper" } }).toArray();
    expect(ids(sorted)).toEqual([2, 3, 1, 4]);
  });
});

describe("unique index with a collation", () => {
  it("refuses values the index's collation holds equal, and allows them under a binary index", async () => {
    await coll("names").createIndex({ name: 1 }, { unique: true, collation: caseInsensitive });
    await coll("names").insertOne({ _id: 1, name: "Ada" });
    const error = await expectServerError(coll("names").insertOne({ _id: 2, name: "ADA" }), 11000);
    expect(error.keyPattern).toEqual({ name: 1 });
    await coll("names").insertOne({ _id: 3, name: "Bo" });
    await expectServerError(coll("names").updateOne({ _id: 3 }, { $set: { name: "ada" } }), 11000);
    expect(await coll("names").find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, name: "Ada" }, { _id: 3, name: "Bo" }]);
    // A key freed by a delete can be taken again.
    await coll("names").deleteOne({ _id: 1 });
    await coll("names").insertOne({ _id: 4, name: "ADA" });

    await coll("binary_names").createIndex({ name: 1 }, { unique: true });
    await coll("binary_names").insertMany([{ _id: 1, name: "Ada" }, { _id: 2, name: "ADA" }]);
    expect(await coll("binary_names").countDocuments()).toBe(2);
  });

  it("refuses to build the index over values the collation holds equal", async () => {
    await coll("existing").insertMany([{ _id: 1, name: "ada" }, { _id: 2, name: "Ada" }]);
    await expectServerError(coll("existing").createIndex({ name: 1 }, { unique: true, collation: caseInsensitive }), 11000);
    expect((await coll("existing").listIndexes().toArray()).map((ix) => ix.name)).toEqual(["_id_"]);
  });

  it("lists the index's collation", async () => {
    await coll("listed").createIndex({ name: 1 }, { collation: { locale: "fr", strength: 1 } });
    const [, index] = await coll("listed").listIndexes().toArray();
    expect(index?.collation).toMatchObject({ locale: "fr", strength: 1 });
  });
});

describe("invalid collations", () => {
  it("refuses a collation without a locale or with an unknown field", async () => {
    await expectServerError(coll("words").find({}, { collation: { strength: 2 } as CollationOptions }).toArray(), 40414);
    await expectServerError(coll("words").find({}, { collation: { locale: "en", colour: "red" } as CollationOptions }).toArray(), 40415);
  });

  it("refuses a strength outside 1-5", async () => {
    await expectServerError(coll("words").find({}, { collation: { locale: "en", strength: 9 } }).toArray(), 2);
  });
});
