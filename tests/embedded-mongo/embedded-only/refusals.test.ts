/**
 * Everything tools/embedded-mongo/README.md lists as not supported fails loudly, with the error the
 * README names — never a silent difference from mongod. (Embedded-only: a real server supports these.)
 */
import type { Document } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { isEmbedded, useTestDatabase } from "../../helpers/mongo";
import type { AnyDoc } from "../support/docs";
import { expectServerError } from "../support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);
const en = { locale: "en", strength: 2 };

describe.runIf(isEmbedded())("refused with the error the README names", () => {
  beforeAll(async () => {
    await coll("docs").insertMany([{ _id: 1, x: "a", tags: ["b"] }, { _id: 2, x: "A", tags: ["a"] }]);
  });

  it("unknown commands: code 59 CommandNotFound", async () => {
    for (const command of [{ validate: "docs" }, { saslStart: 1 }, { mapReduce: "docs" }]) {
      const error = await expectServerError(t.db().command(command), 59);
      expect(error.codeName).toBe("CommandNotFound");
    }
  });

  it("stages the server does not run: code 115 CommandNotSupported", async () => {
    for (const stage of [{ $out: "x" }, { $merge: { into: "x" } }, { $geoNear: { near: [0, 0], distanceField: "d" } }, { $currentOp: {} }, { $collStats: {} }]) {
      const error = await expectServerError(coll("docs").aggregate([stage]).toArray(), 115);
      expect(error.codeName).toBe("CommandNotSupported");
    }
    await expectServerError(t.db().aggregate([{ $documents: [{ a: 1 }] }]).toArray(), 115);
  });

  it("create with view, time-series, clustered, capped or a default collation: code 115", async () => {
    const options: Document[] = [
      { viewOn: "docs", pipeline: [] },
      { timeseries: { timeField: "t" } },
      { clusteredIndex: { key: { _id: 1 }, unique: true } },
      { capped: true, size: 1024 },
      { collation: en },
    ];
    for (const option of options) await expectServerError(t.db().command({ create: "refused", ...option }), 115);
    expect(await t.db().listCollections({ name: "refused" }).toArray()).toEqual([]);
  });

  it("$where and geo query operators: code 2 BadValue", async () => {
    await expectServerError(coll("docs").find({ $where: "true" }).toArray(), 2);
    await expectServerError(coll("docs").find({ loc: { $near: [0, 0] } }).toArray(), 2);
  });

  it("pipeline updates with stages mongod does not allow there: code 72", async () => {
    await expectServerError(coll("docs").updateOne({ _id: 1 }, [{ $group: { _id: null } }] as Document[]), 72);
  });

  it("collation options Intl cannot express: code 115", async () => {
    const refused = [
      { locale: "fr", backwards: true },
      { locale: "en", alternate: "shifted", maxVariable: "space" },
      { locale: "en", alternate: "shifted", strength: 4 },
    ];
    for (const collation of refused) await expectServerError(coll("docs").find({}, { collation }).toArray(), 115);
  });

  it("an unknown locale: code 2 BadValue", async () => {
    await expectServerError(coll("docs").find({}, { collation: { locale: "xx_NOPE" } }).toArray(), 2);
  });

  it("collation-sensitive operators and stages not run under a collation: code 115", async () => {
    await expectServerError(coll("docs").aggregate([{ $group: { _id: "$x" } }], { collation: en }).toArray(), 115);
    await expectServerError(coll("docs").aggregate([{ $lookup: { from: "docs", localField: "x", foreignField: "x", as: "same" } }], { collation: en }).toArray(), 115);
    await expectServerError(coll("docs").aggregate([{ $project: { m: { $max: "$tags" } } }], { collation: en }).toArray(), 115);
    await expectServerError(coll("docs").find({ tags: { $all: ["A"] } }, { collation: en }).toArray(), 115);
    await expectServerError(coll("docs").updateOne({ _id: 1 }, { $addToSet: { tags: "B" } }, { collation: en }), 115);
    const sortedPush: Document = { $push: { tags: { $each: ["c"], $sort: 1 } } };
    await expectServerError(coll("docs").updateOne({ _id: 1 }, sortedPush, { collation: en }), 115);
    await expectServerError(coll("docs").updateOne({ _id: 1 }, { $max: { x: "z" } }, { collation: en }), 115);
    expect(await coll("docs").findOne({ _id: 1 })).toEqual({ _id: 1, x: "a", tags: ["b"] });
    // Grouping by a constant compares no keys, so countDocuments works under a collation.
    expect(await coll("docs").countDocuments({ x: "a" }, { collation: en })).toBe(2);
  });
});
