/**
 * Transactions need a replica set or mongos. A standalone (which the embedded server presents
 * itself as) refuses them with code 20; against a replica set the same test checks they commit.
 */
import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { isEmbedded, useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();

async function isStandalone(): Promise<boolean> {
  const hello = await t.db().admin().command({ hello: 1 });
  return !hello.setName && hello.msg !== "isdbgrid";
}

describe("transactions", () => {
  it("are refused on a standalone (code 20) without applying their writes, and commit elsewhere", async () => {
    const coll = t.db().collection<AnyDoc>("txn");
    await coll.insertOne({ _id: "before" });
    const standalone = await isStandalone();
    if (isEmbedded()) expect(standalone).toBe(true);

    const session = t.client().startSession();
    let failure: unknown = null;
    try {
      await session.withTransaction(async () => {
        await coll.insertOne({ _id: "inside" }, { session });
      });
    } catch (error) {
      failure = error;
    } finally {
      await session.endSession();
    }

    if (standalone) {
      expect(failure).toBeInstanceOf(MongoServerError);
      // With retryWrites on, the driver rewraps code 20 from a write as "does not support retryable
      // writes" and keeps the server's error as originalError.
      const server = failure as MongoServerError & { originalError?: MongoServerError };
      expect(server.code ?? server.originalError?.code).toBe(20);
      expect(await coll.countDocuments({ _id: "inside" })).toBe(0);
    } else {
      expect(failure).toBeNull();
      expect(await coll.countDocuments({ _id: "inside" })).toBe(1);
    }
  });

  it("still serves ordinary writes that carry a session", async () => {
    const coll = t.db().collection<AnyDoc>("sessioned");
    const session = t.client().startSession();
    try {
      await coll.insertOne({ _id: 1 }, { session });
      await coll.updateOne({ _id: 1 }, { $set: { a: 1 } }, { session });
      expect(await coll.findOne({ _id: 1 }, { session })).toEqual({ _id: 1, a: 1 });
    } finally {
      await session.endSession();
    }
  });
});
