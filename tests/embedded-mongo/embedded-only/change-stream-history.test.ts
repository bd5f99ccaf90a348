/**
 * The embedded server's oplog is bounded (oplogSizeBytes) and lives in memory: a resume point that
 * has fallen off it, or that an earlier run of the server issued, is ChangeStreamHistoryLost (286)
 * — never a silent gap. A real replica set's oplog size cannot be set from a test, hence here.
 */
import { MongoClient, type Document, type ResumeToken } from "mongodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "../../../tools/embedded-mongo/index";
import { useCleanups } from "../support/cleanups";
import type { AnyDoc } from "../support/docs";
import { expectServerError } from "../support/errors";

const cleanups = useCleanups();

async function serve(options: { oplogSizeBytes?: number; dbPath?: string } = {}): Promise<MongoClient> {
  const server = await startEmbeddedMongo({ port: 0, quiet: true, ...options });
  const client = new MongoClient(server.uri);
  cleanups.defer(async () => {
    await client.close();
    await server.stop();
  });
  return client;
}

async function firstToken(client: MongoClient): Promise<ResumeToken> {
  const coll = client.db("h").collection<AnyDoc>("c");
  const stream = coll.watch([], { maxAwaitTimeMS: 50 });
  try {
    await stream.tryNext();
    await coll.insertOne({ _id: "first", pad: "x".repeat(200) });
    return ((await stream.next()) as Document)._id as ResumeToken;
  } finally {
    await stream.close();
  }
}

describe("change stream history", () => {
  it("resumes from a token still in the oplog, and refuses one that has fallen off (286)", async () => {
    const client = await serve({ oplogSizeBytes: 8 * 1024 });
    const coll = client.db("h").collection<AnyDoc>("c");
    const token = await firstToken(client);
    const resumed = await client.db("h").command({ aggregate: "c", pipeline: [{ $changeStream: { resumeAfter: token } }], cursor: {} });
    expect(resumed.cursor.firstBatch).toEqual([]); // nothing was written after it yet
    for (let i = 0; i < 100; i += 1) await coll.insertOne({ _id: i, pad: "x".repeat(200) });
    const error = await expectServerError(coll.aggregate([{ $changeStream: { resumeAfter: token } }]).toArray(), 286);
    expect(error.codeName).toBe("ChangeStreamHistoryLost");
  });

  it("answers 286 to a cursor that fell behind the oplog while open", async () => {
    const client = await serve({ oplogSizeBytes: 8 * 1024 });
    const db = client.db("h");
    const opened = await db.command({ aggregate: "c", pipeline: [{ $changeStream: {} }], cursor: {} });
    for (let i = 0; i < 100; i += 1) await db.collection<AnyDoc>("c").insertOne({ _id: i, pad: "x".repeat(200) });
    await expectServerError(db.command({ getMore: opened.cursor.id, collection: "c" }), 286);
  });

  it("refuses a token from before a restart: the history restarted empty", async () => {
    const dbPath = await cleanups.tempDir("cs-restart");
    const before = await startEmbeddedMongo({ port: 0, quiet: true, dbPath });
    const first = new MongoClient(before.uri);
    let token: ResumeToken;
    try {
      token = await firstToken(first);
    } finally {
      await first.close();
      await before.stop();
    }
    const client = await serve({ dbPath });
    expect(await client.db("h").collection<AnyDoc>("c").countDocuments({})).toBe(1);
    await expectServerError(client.db("h").collection<AnyDoc>("c").aggregate([{ $changeStream: { resumeAfter: token } }]).toArray(), 286);
  });
});
