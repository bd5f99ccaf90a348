/**
 * $text as mongod runs it (textIndexVersion 3): the index spec mongod stores, OR-ed stemmed terms
 * without stop words, phrases, negation, case and diacritic sensitivity, languages, weights and
 * textScore (a term's score: weight × (1 + ½ + ¼ … per repeat) × (½·count/tokens + ½), +10 % when
 * the term is the whole field), $meta in projection and sort, and the errors mongod gives.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);
const ids = (docs: AnyDoc[]) => docs.map((d) => d._id).sort();

interface TextOperand {
  $search: string;
  $language?: string;
  $caseSensitive?: boolean;
  $diacriticSensitive?: boolean;
}

async function search(name: string, text: TextOperand, filter: AnyDoc = {}): Promise<unknown[]> {
  return ids(await coll(name).find({ ...filter, $text: text }).toArray());
}

beforeAll(async () => {
  await coll("notes").createIndex({ title: "text", body: "text" }, { weights: { title: 10 } });
  await coll("notes").insertMany([
    { _id: 1, title: "Investing basics", body: "How to invest in index funds" },
    { _id: 2, title: "Coffee", body: "The coffee shop on the corner" },
    { _id: 3, title: "Tea", body: "A quiet tea shop, not coffee" },
    { _id: 4, title: "Pre-market trading", body: "Markets open early" },
    { _id: 5, title: "Café culture", body: "Cafés in Paris" },
    { _id: 6, title: "Shops", body: "Shopping for a Coffee grinder" },
  ]);
});

describe("the text index", () => {
  it("is stored as mongod stores it: _fts/_ftsx key, sorted weights, default language and override", async () => {
    const index = (await coll("notes").listIndexes().toArray()).find((ix) => ix.name === "title_text_body_text");
    expect(index).toMatchObject({
      key: { _fts: "text", _ftsx: 1 },
      weights: { body: 1, title: 10 },
      default_language: "english",
      language_override: "language",
      textIndexVersion: 3,
    });
  });

  it("is one per collection: a second text index is refused with code 85", async () => {
    await expectServerError(coll("notes").createIndex({ other: "text" }), 85);
  });

  it("is required: $text on a collection without one fails with code 27", async () => {
    await coll("plain").insertOne({ _id: 1, body: "coffee" });
    const error = await expectServerError(coll("plain").find({ $text: { $search: "coffee" } }).toArray(), 27);
    expect(error.message).toBe("text index required for $text query");
  });
});

describe("$text matching", () => {
  it("stems words: 'invest' finds 'Investing' and 'invest'", async () => {
    expect(await search("notes", { $search: "invest" })).toEqual([1]);
    expect(await search("notes", { $search: "investments" })).toEqual([1]);
  });

  it("ORs the terms, ignoring case and stop words", async () => {
    expect(await search("notes", { $search: "TEA the grinder" })).toEqual([3, 6]);
    expect(await search("notes", { $search: "the and of" })).toEqual([]);
  });

  it("requires a quoted phrase, and its words are terms too", async () => {
    expect(await search("notes", { $search: '"coffee shop"' })).toEqual([2]);
    expect(await search("notes", { $search: 'tea "coffee shop"' })).toEqual([2]);
  });

  it("excludes a negated word or phrase; a query of only negations matches nothing", async () => {
    expect(await search("notes", { $search: "coffee -shop" })).toEqual([]);
    expect(await search("notes", { $search: "coffee -tea" })).toEqual([2, 6]);
    expect(await search("notes", { $search: 'coffee -"coffee shop"' })).toEqual([3, 6]);
    expect(await search("notes", { $search: "-coffee" })).toEqual([]);
  });

  it("does not read a hyphen inside a word as negation", async () => {
    expect(await search("notes", { $search: "pre-market" })).toEqual([4]);
  });

  it("$caseSensitive matches the word in that case only", async () => {
    expect(await search("notes", { $search: "Coffee", $caseSensitive: true })).toEqual([2, 6]);
    expect(await search("notes", { $search: "coffee", $caseSensitive: true })).toEqual([2, 3]);
  });

  it("ignores diacritics unless $diacriticSensitive", async () => {
    expect(await search("notes", { $search: "cafe" })).toEqual([5]);
    expect(await search("notes", { $search: "cafe", $diacriticSensitive: true })).toEqual([]);
    expect(await search("notes", { $search: "café", $diacriticSensitive: true })).toEqual([5]);
  });

  it("combines with other filters and counts", async () => {
    expect(await search("notes", { $search: "coffee" }, { _id: { $gt: 2 } })).toEqual([3, 6]);
    expect(await coll("notes").countDocuments({ $text: { $search: "coffee" } })).toBe(3);
  });

  it("follows every write: updated and deleted documents leave the index", async () => {
    await coll("live").createIndex({ body: "text" });
    await coll("live").insertMany([{ _id: 1, body: "apples" }, { _id: 2, body: "pears" }]);
    await coll("live").updateOne({ _id: 1 }, { $set: { body: "plums" } });
    await coll("live").deleteOne({ _id: 2 });
    expect(await search("live", { $search: "apple" })).toEqual([]);
    expect(await search("live", { $search: "pear" })).toEqual([]);
    expect(await search("live", { $search: "plum" })).toEqual([1]);
  });
});

describe("languages", () => {
  beforeAll(async () => {
    await coll("langs").createIndex({ body: "text" });
    await coll("langs").insertMany([
      { _id: 1, body: "running fast" },
      { _id: 2, body: "running late", language: "none" },
    ]);
  });

  it("language_override: a document in 'none' is neither stemmed nor stop-word filtered", async () => {
    expect(await search("langs", { $search: "run" })).toEqual([1]);
    expect(await search("langs", { $search: "running", $language: "none" })).toEqual([2]);
  });

  it("refuses an unknown language in the document", async () => {
    await expectServerError(coll("langs").insertOne({ _id: 3, body: "x", language: "klingon" }), 17262);
  });
});

describe("textScore", () => {
  beforeAll(async () => {
    await coll("scores").createIndex({ title: "text", body: "text" }, { weights: { title: 3 } });
    await coll("scores").insertMany([
      { _id: 1, body: "coffee" },
      { _id: 2, body: "coffee shop" },
      { _id: 3, body: "coffee coffee" },
      { _id: 4, title: "coffee" },
      { _id: 5, body: "shop" },
    ]);
  });

  it("scores by mongod's formula and sorts by $meta", async () => {
    const rows = await coll("scores")
      .find({ $text: { $search: "coffee shop" } }, { projection: { score: { $meta: "textScore" } } })
      .sort({ score: { $meta: "textScore" } })
      .toArray();
    expect(rows.map((r) => [r._id, r.score])).toEqual([
      [4, 3],
      [2, 1.5],
      [3, 1.5],
      [5, 1.1],
      [1, 1],
    ]);
  });

  it("adds scores in an aggregation that starts with the $text $match", async () => {
    const rows = await coll("scores")
      .aggregate([
        { $match: { $text: { $search: "coffee" } } },
        { $sort: { score: { $meta: "textScore" } } },
        { $limit: 2 },
        { $project: { _id: 1, score: { $meta: "textScore" } } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: 4, score: 3 },
      { _id: 3, score: 1.5 },
    ]);
  });

  it("allows $text only in the first $match stage (code 17313)", async () => {
    await expectServerError(coll("scores").aggregate([{ $match: {} }, { $match: { $text: { $search: "coffee" } } }]).toArray(), 17313);
  });
});

describe("sort by textScore with a limit", () => {
  beforeAll(async () => {
    await coll("ranked").createIndex({ body: "text" });
    await coll("ranked").insertMany([
      { _id: 1, body: "coffee coffee coffee" },
      { _id: 2, body: "coffee beans roasted" },
      { _id: 3, body: "coffee shop open late" },
      { _id: 4, body: "coffee shop closed", kind: "draft" },
      { _id: 5, body: "tea shop" },
    ]);
  });
  const ranked = (search: string, skip: number, limit: number, filter: AnyDoc = {}) =>
    coll("ranked")
      .find({ ...filter, $text: { $search: search } }, { projection: { _id: 1 } })
      .sort({ score: { $meta: "textScore" } })
      .skip(skip)
      .limit(limit)
      .toArray()
      .then((rows) => rows.map((r) => r._id));

  it("returns the best matches first, after the negations, and skips within that order", async () => {
    expect(await ranked("coffee shop -closed", 0, 2)).toEqual([1, 3]);
    expect(await ranked("coffee shop -closed", 1, 2)).toEqual([3, 5]);
    expect(await ranked("coffee shop -closed", 0, 10)).toEqual([1, 3, 5, 2]);
  });

  it("fills the limit with documents that hold the phrase and pass the rest of the filter", async () => {
    expect(await ranked('"coffee shop"', 0, 1, { kind: { $ne: "draft" } })).toEqual([3]);
    expect(await ranked('"coffee shop"', 0, 5)).toEqual([4, 3]);
  });
});

describe("a compound text index", () => {
  beforeAll(async () => {
    await coll("owned").createIndex({ userId: 1, message: "text" });
    await coll("owned").insertMany([
      { _id: 1, userId: "a", message: "my pension plan" },
      { _id: 2, userId: "b", message: "my pension plan" },
    ]);
  });

  it("answers within the prefix's equality", async () => {
    expect(await search("owned", { $search: "pension" }, { userId: "a" })).toEqual([1]);
  });

  it("refuses a $text query without an equality on the prefix (code 2)", async () => {
    await expectServerError(coll("owned").find({ $text: { $search: "pension" } }).toArray(), 2);
    await expectServerError(coll("owned").find({ userId: { $in: ["a", "b"] }, $text: { $search: "pension" } }).toArray(), 2);
  });

  it("is used by explain's plan (TEXT_MATCH over the text index)", async () => {
    const plan = await coll("owned").find({ userId: "a", $text: { $search: "pension" } }).explain("queryPlanner");
    const text = JSON.stringify(plan.queryPlanner.winningPlan);
    expect(text).toContain('"TEXT_MATCH"');
    expect(text).toContain('"indexName":"userId_1_message_text"');
  });
});
