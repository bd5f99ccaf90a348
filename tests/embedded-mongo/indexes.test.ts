/** createIndexes, listIndexes, dropIndexes. */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);

async function indexNames(name: string): Promise<string[]> {
  return (await coll(name).listIndexes().toArray()).map((i) => i.name).sort();
}

describe("indexes", () => {
  it("always has the _id_ index on a collection", async () => {
    await t.db().createCollection("plain");
    const indexes = await coll("plain").listIndexes().toArray();
    expect(indexes).toHaveLength(1);
    expect(indexes[0]).toMatchObject({ name: "_id_", key: { _id: 1 }, v: 2 });
  });

  it("creates single and compound indexes under mongod's default names", async () => {
    expect(await coll("idx").createIndex({ a: 1 })).toBe("a_1");
    expect(await coll("idx").createIndex({ conversationId: 1, timestamp: -1 })).toBe("conversationId_1_timestamp_-1");
    expect(await coll("idx").createIndex({ "nested.field": 1 }, { name: "custom" })).toBe("custom");
    expect(await indexNames("idx")).toEqual(["_id_", "a_1", "conversationId_1_timestamp_-1", "custom"]);
  });

  it("lists key patterns and options as they were created", async () => {
    await coll("opts").createIndex({ email: 1 }, { unique: true });
    await coll("opts").createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    await coll("opts").createIndex({ code: 1 }, { unique: true, partialFilterExpression: { code: { $exists: true } } });
    await coll("opts").createIndex({ nick: 1 }, { unique: true, sparse: true });
    const byName = Object.fromEntries((await coll("opts").listIndexes().toArray()).map((i) => [i.name, i]));
    expect(byName.email_1).toMatchObject({ key: { email: 1 }, unique: true });
    expect(byName.expiresAt_1).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 3600 });
    expect(byName.code_1).toMatchObject({ unique: true, partialFilterExpression: { code: { $exists: true } } });
    expect(byName.nick_1).toMatchObject({ unique: true, sparse: true });
  });

  it("creates several indexes in one createIndexes command", async () => {
    const names = await coll("multi").createIndexes([{ key: { a: 1 } }, { key: { b: -1 }, name: "b_desc" }]);
    expect(names).toEqual(["a_1", "b_desc"]);
    expect(await indexNames("multi")).toEqual(["_id_", "a_1", "b_desc"]);
  });

  it("treats re-creating an identical index as a no-op", async () => {
    await coll("again").createIndex({ a: 1 }, { unique: true });
    expect(await coll("again").createIndex({ a: 1 }, { unique: true })).toBe("a_1");
    expect(await indexNames("again")).toEqual(["_id_", "a_1"]);
  });

  it("refuses an index whose name is taken by a different definition", async () => {
    await coll("conflict").createIndex({ a: 1 });
    await expect(coll("conflict").createIndex({ b: 1 }, { name: "a_1" })).rejects.toThrow();
    await expect(coll("conflict").createIndex({ a: 1 }, { unique: true })).rejects.toThrow();
    const [aIndex] = (await coll("conflict").listIndexes().toArray()).filter((i) => i.name === "a_1");
    expect(aIndex?.unique).toBeUndefined();
  });

  it("drops one index by name, then all but _id_", async () => {
    await coll("dropidx").createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }, { key: { c: 1 } }]);
    await coll("dropidx").dropIndex("a_1");
    expect(await indexNames("dropidx")).toEqual(["_id_", "b_1", "c_1"]);
    await coll("dropidx").dropIndexes();
    expect(await indexNames("dropidx")).toEqual(["_id_"]);
  });

  it("refuses to drop a missing index (code 27) and the _id_ index", async () => {
    await t.db().createCollection("dropmissing");
    await expectServerError(coll("dropmissing").dropIndex("nope_1"), 27);
    await expect(coll("dropmissing").dropIndex("_id_")).rejects.toThrow();
    expect(await indexNames("dropmissing")).toEqual(["_id_"]);
  });

  it("keeps serving queries correctly after an index is added to existing data", async () => {
    await coll("late").insertMany(Array.from({ length: 200 }, (_, i) => ({ k: i % 10, i })));
    await coll("late").createIndex({ k: 1, i: -1 });
    const docs = await coll("late").find({ k: 3 }).sort({ i: -1 }).limit(3).toArray();
    expect(docs.map((d) => d.i)).toEqual([193, 183, 173]);
    await coll("late").insertOne({ k: 3, i: 500 });
    await coll("late").updateOne({ i: 183 }, { $set: { k: 4 } });
    const after = await coll("late").find({ k: 3 }).sort({ i: -1 }).limit(3).toArray();
    expect(after.map((d) => d.i)).toEqual([500, 193, 173]);
  });
});
