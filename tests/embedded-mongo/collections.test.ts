/** create, drop, dropDatabase, listCollections, listDatabases. */
import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();

async function collectionNames(): Promise<string[]> {
  const infos = await t.db().listCollections({}, { nameOnly: true }).toArray();
  return infos.map((c) => c.name).sort();
}

describe("collections", () => {
  it("creates a collection explicitly and lists it with its type", async () => {
    await t.db().createCollection("explicit");
    const [info] = await t.db().listCollections({ name: "explicit" }).toArray();
    expect(info).toMatchObject({ name: "explicit", type: "collection" });
    expect(await t.db().collection("explicit").countDocuments({})).toBe(0);
  });

  it("refuses to create a collection that already exists (code 48)", async () => {
    await t.db().createCollection("twice");
    const error = await expectServerError(t.db().createCollection("twice"), 48);
    expect(error.codeName).toBe("NamespaceExists");
  });

  it("creates a collection implicitly on first insert", async () => {
    await t.db().collection<AnyDoc>("implicit").insertOne({ a: 1 });
    expect(await collectionNames()).toContain("implicit");
  });

  it("drops a collection with its documents: true when it existed, false when it did not", async () => {
    await t.db().collection<AnyDoc>("dropme").insertOne({ a: 1 });
    expect(await t.db().collection("dropme").drop()).toBe(true);
    expect(await collectionNames()).not.toContain("dropme");
    expect(await t.db().collection("dropme").countDocuments({})).toBe(0);
    expect(await t.db().collection("never_existed").drop()).toBe(false);
  });

  it("filters listCollections by name", async () => {
    await t.db().createCollection("filter_a");
    await t.db().createCollection("filter_b");
    const infos = await t.db().listCollections({ name: { $in: ["filter_a", "nope"] } }).toArray();
    expect(infos.map((c) => c.name)).toEqual(["filter_a"]);
  });

  it("dropDatabase removes every collection, and lists it no more", async () => {
    const name = `${t.name}_scratch`;
    const client = new MongoClient(t.uri);
    try {
      const scratch = client.db(name);
      await scratch.collection<AnyDoc>("one").insertOne({ a: 1 });
      await scratch.collection<AnyDoc>("two").insertOne({ b: 2 });
      const before = await client.db().admin().listDatabases({ nameOnly: true });
      expect(before.databases.map((d) => d.name)).toContain(name);
      expect(await scratch.dropDatabase()).toBe(true);
      expect(await scratch.listCollections().toArray()).toEqual([]);
      const after = await client.db().admin().listDatabases({ nameOnly: true });
      expect(after.databases.map((d) => d.name)).not.toContain(name);
    } finally {
      await client.close();
    }
  });

  it("keeps databases apart: the same collection name in two databases holds different data", async () => {
    const other = t.client().db(`${t.name}_other`);
    try {
      await t.db().collection<AnyDoc>("shared_name").insertOne({ from: "mine" });
      await other.collection<AnyDoc>("shared_name").insertOne({ from: "other" });
      expect(await t.db().collection("shared_name").find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ from: "mine" }]);
    } finally {
      await other.dropDatabase();
    }
  });
});
