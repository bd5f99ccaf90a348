/** Handshake, server info and generic command handling, as any driver client sees them. */
import { MongoClient, ServerApiVersion } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();

describe("handshake and server info", () => {
  it("answers ping", async () => {
    const reply = await t.db().command({ ping: 1 });
    expect(reply.ok).toBe(1);
  });

  it("presents itself as a writable server with a current wire version", async () => {
    const hello = await t.db().admin().command({ hello: 1 });
    expect(hello.ok).toBe(1);
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(typeof hello.maxMessageSizeBytes).toBe("number");
    expect(hello.maxWriteBatchSize).toBeGreaterThan(0);
    expect(hello.localTime).toBeInstanceOf(Date);
    // Compression is not negotiated unless the client asks; we ask for none.
    expect(hello.compression).toBeUndefined();
  });

  it("answers the legacy isMaster spelling", async () => {
    const reply = await t.db().admin().command({ isMaster: 1 });
    expect(reply.ok).toBe(1);
    expect(reply.ismaster).toBe(true);
  });

  it("answers buildInfo with a version string and array", async () => {
    const info = await t.db().admin().command({ buildInfo: 1 });
    expect(info.ok).toBe(1);
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(Array.isArray(info.versionArray)).toBe(true);
    expect(info.versionArray.length).toBeGreaterThanOrEqual(2);
  });

  it("serves clients that offer compression (the server may decline it)", async () => {
    const client = new MongoClient(t.uri, { compressors: ["zlib", "snappy", "zstd"] });
    try {
      const coll = client.db(t.name).collection<AnyDoc>("compressed");
      await coll.insertOne({ _id: "z", text: "a".repeat(10_000) });
      expect((await coll.findOne({ _id: "z" }))?.text).toHaveLength(10_000);
    } finally {
      await client.close();
    }
  });

  it("accepts clients that declare a stable server API", async () => {
    const client = new MongoClient(t.uri, { serverApi: { version: ServerApiVersion.v1 } });
    try {
      await client.connect();
      const db = client.db(t.name);
      expect((await db.command({ ping: 1 })).ok).toBe(1);
      await db.collection<AnyDoc>("api").insertOne({ _id: "api-v1" });
      expect(await db.collection<AnyDoc>("api").findOne({ _id: "api-v1" })).toEqual({ _id: "api-v1" });
    } finally {
      await client.close();
    }
  });
});

describe("generic command handling", () => {
  it("refuses an unknown command with code 59 naming it", async () => {
    const error = await expectServerError(t.db().command({ noSuchCmd: 1 }), 59);
    expect(error.codeName).toBe("CommandNotFound");
    expect(error.message).toContain("noSuchCmd");
  });

  it("accepts read and write concerns a standalone would accept", async () => {
    const coll = t.db().collection<AnyDoc>("concerns");
    await coll.insertOne({ _id: 1, v: "a" }, { writeConcern: { w: "majority", journal: true } });
    await coll.updateOne({ _id: 1 }, { $set: { v: "b" } }, { writeConcern: { w: 1 } });
    const doc = await coll.findOne({ _id: 1 }, { readConcern: { level: "local" } });
    expect(doc).toEqual({ _id: 1, v: "b" });
  });

  it("applies unacknowledged (w:0) writes without replying to them", async () => {
    const coll = t.db().collection<AnyDoc>("fire_and_forget");
    await coll.insertOne({ _id: "w0" }, { writeConcern: { w: 0 } });
    // The connection must still be usable afterwards, and the write must land.
    let found = null;
    for (let attempt = 0; attempt < 50 && !found; attempt += 1) {
      found = await coll.findOne({ _id: "w0" });
      if (!found) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(found).toEqual({ _id: "w0" });
  });

  it("lists this file's database in listDatabases once it holds data", async () => {
    await t.db().collection<AnyDoc>("listed").insertOne({ x: 1 });
    const { databases } = await t.client().db().admin().listDatabases();
    const names = databases.map((d) => d.name);
    expect(names).toContain(t.name);
    const nameOnly = await t.client().db("admin").command({ listDatabases: 1, nameOnly: true });
    expect(nameOnly.databases.map((d: { name: string }) => d.name)).toContain(t.name);
  });

  it("serves many concurrent operations from one client pool", async () => {
    const coll = t.db().collection<AnyDoc>("parallel");
    await Promise.all(Array.from({ length: 50 }, (_, i) => coll.insertOne({ i })));
    const counts = await Promise.all(Array.from({ length: 20 }, () => coll.countDocuments({})));
    expect(new Set(counts)).toEqual(new Set([50]));
  });
});
