/** With a dbPath, data, index definitions and validators survive stop() and a restart. */
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "@/tools/embedded-mongo";
import { isEmbedded, useTestDatabase } from "../../helpers/mongo";
import type { AnyDoc } from "../support/docs";
import { expectServerError } from "../support/errors";
import { makeTempDir } from "../support/processes";

useTestDatabase();

async function withServer<T>(dbPath: string, use: (client: MongoClient, server: EmbeddedMongo) => Promise<T>): Promise<T> {
  const server = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
  const client = new MongoClient(server.uri);
  try {
    await client.connect();
    return await use(client, server);
  } finally {
    await client.close();
    await server.stop();
  }
}

describe.runIf(isEmbedded())("persistence across restarts", () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await makeTempDir("emb-persist");
  });
  afterAll(async () => {
    await dir.remove();
  });

  it("brings back documents, updates, deletes, indexes, validators and dropped collections", async () => {
    await withServer(dir.path, async (client) => {
      const db = client.db("app");
      await db.createCollection("users", {
        validator: { $jsonSchema: { bsonType: "object", required: ["email"], properties: { email: { bsonType: "string" } } } },
      });
      const users = db.collection<AnyDoc>("users");
      await users.createIndex({ email: 1 }, { unique: true });
      await users.createIndex({ createdAt: 1 }, { expireAfterSeconds: 86_400 });
      await users.insertMany([{ _id: 1, email: "a@x.io", n: 1 }, { _id: 2, email: "b@x.io", n: 1 }, { _id: 3, email: "c@x.io" }]);
      await users.updateOne({ _id: 1 }, { $inc: { n: 5 }, $set: { when: new Date("2024-02-03T04:05:06Z") } });
      await users.deleteOne({ _id: 3 });
      await db.collection<AnyDoc>("gone").insertOne({ x: 1 });
      await db.collection("gone").drop();
      await client.db("other").collection<AnyDoc>("things").insertOne({ _id: "t", deep: { list: [1, { y: 2 }] } });
    });

    await withServer(dir.path, async (client) => {
      const db = client.db("app");
      const users = db.collection<AnyDoc>("users");
      expect(await users.find({}).sort({ _id: 1 }).toArray()).toEqual([
        { _id: 1, email: "a@x.io", n: 6, when: new Date("2024-02-03T04:05:06Z") },
        { _id: 2, email: "b@x.io", n: 1 },
      ]);
      const indexes = Object.fromEntries((await users.listIndexes().toArray()).map((i) => [i.name, i]));
      expect(indexes.email_1).toMatchObject({ key: { email: 1 }, unique: true });
      expect(indexes.createdAt_1).toMatchObject({ expireAfterSeconds: 86_400 });
      await expectServerError(users.insertOne({ email: "a@x.io" }), 11000);
      await expectServerError(users.insertOne({ email: 42 }), 121);
      const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      expect(names).toEqual(["users"]);
      expect(await client.db("other").collection<AnyDoc>("things").findOne({ _id: "t" })).toEqual({ _id: "t", deep: { list: [1, { y: 2 }] } });
    });
  });

  it("keeps data written after a restart across the next restart too", async () => {
    const next = await makeTempDir("emb-persist-twice");
    try {
      for (let round = 0; round < 3; round += 1) {
        await withServer(next.path, async (client) => {
          const coll = client.db("app").collection<AnyDoc>("rounds");
          expect(await coll.countDocuments({})).toBe(round * 100);
          await coll.insertMany(Array.from({ length: 100 }, (_, i) => ({ round, i })));
        });
      }
    } finally {
      await next.remove();
    }
  });

  it("brings back a unique index's collation, so it still refuses keys the collation holds equal", async () => {
    const scratch = await makeTempDir("emb-persist-collation");
    try {
      await withServer(scratch.path, async (client) => {
        const names = client.db("app").collection<AnyDoc>("names");
        await names.createIndex({ name: 1 }, { unique: true, collation: { locale: "en", strength: 2 } });
        await names.insertOne({ _id: 1, name: "Ada" });
      });
      await withServer(scratch.path, async (client) => {
        const names = client.db("app").collection<AnyDoc>("names");
        await expectServerError(names.insertOne({ _id: 2, name: "ADA" }), 11000);
        await names.insertOne({ _id: 3, name: "Bo" });
        expect(await names.countDocuments()).toBe(2);
      });
    } finally {
      await scratch.remove();
    }
  });

  it("forgets a dropped database after a restart", async () => {
    const scratch = await makeTempDir("emb-persist-dropdb");
    try {
      await withServer(scratch.path, async (client) => {
        await client.db("keep").collection<AnyDoc>("c").insertOne({ a: 1 });
        await client.db("drop").collection<AnyDoc>("c").insertOne({ a: 1 });
        await client.db("drop").dropDatabase();
      });
      await withServer(scratch.path, async (client) => {
        const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
        const names = databases.map((d) => d.name);
        expect(names).toContain("keep");
        expect(names).not.toContain("drop");
      });
    } finally {
      await scratch.remove();
    }
  });

  it("runs memory-only without a dbPath: nothing survives", async () => {
    const first = await startEmbeddedMongo({ port: 0, quiet: true });
    const client = new MongoClient(first.uri);
    await client.connect();
    await client.db("mem").collection<AnyDoc>("c").insertOne({ a: 1 });
    await client.close();
    await first.stop();
    const second = await startEmbeddedMongo({ port: 0, quiet: true });
    const again = new MongoClient(second.uri);
    try {
      expect(await again.db("mem").collection("c").countDocuments({})).toBe(0);
    } finally {
      await again.close();
      await second.stop();
    }
  });
});
