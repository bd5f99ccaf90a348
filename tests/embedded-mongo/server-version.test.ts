/**
 * The version a server claims and what it accepts agree: a 7.0 (wire version 21) refuses the
 * options MongoDB 8.0 added (update `sort`, the client-level `bulkWrite` command); an 8.0 applies them.
 */
import { MongoServerError } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

let major = 0;

beforeAll(async () => {
  const info = await t.db().admin().command({ buildInfo: 1 });
  major = Number(String(info.version).split(".")[0]);
  await coll("items").insertMany([{ _id: 1, rank: 3, v: 0 }, { _id: 2, rank: 1, v: 0 }, { _id: 3, rank: 2, v: 0 }]);
});

describe("claimed version", () => {
  it("reports a wire version that belongs to its server version", async () => {
    const hello = await t.db().admin().command({ hello: 1 });
    const info = await t.db().admin().command({ buildInfo: 1 });
    expect(info.versionArray?.[0]).toBe(major);
    // 7.0 speaks wire version 21, 8.0 speaks 25.
    if (major === 7) expect(hello.maxWireVersion).toBe(21);
    if (major === 8) expect(hello.maxWireVersion).toBe(25);
  });
});

describe("options MongoDB 8.0 added", () => {
  it("updateOne / replaceOne with sort: refused before 8.0 (code 40415), applied from 8.0", async () => {
    const update = coll("items").updateOne({}, { $set: { v: 1 } }, { sort: { rank: 1 } });
    const replace = coll("items").replaceOne({}, { rank: 9, v: 2 }, { sort: { rank: -1 } });
    if (major < 8) {
      await expectServerError(update, 40415);
      await expectServerError(replace, 40415);
      expect(await coll("items").countDocuments({ v: 0 })).toBe(3);
    } else {
      await update;
      await replace;
      expect(await coll("items").find().sort({ _id: 1 }).toArray()).toEqual([
        { _id: 1, rank: 9, v: 2 }, { _id: 2, rank: 1, v: 1 }, { _id: 3, rank: 2, v: 0 },
      ]);
    }
  });

  it("client bulkWrite: no such command before 8.0 (code 59), applied from 8.0", async () => {
    const ns = `${t.name}.bulk`;
    const attempt = t.client().bulkWrite<Record<string, AnyDoc>>([{ namespace: ns, name: "insertOne", document: { _id: "b1" } }]).then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    const { result, error } = await attempt;
    if (major < 8) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      expect(cause).toBeInstanceOf(MongoServerError);
      expect((cause as MongoServerError).code).toBe(59);
      expect(await coll("bulk").countDocuments()).toBe(0);
    } else {
      expect(result?.insertedCount).toBe(1);
    }
  });
});
