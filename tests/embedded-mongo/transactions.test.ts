/**
 * Multi-document transactions and retryable writes, as a replica set primary serves them:
 * all-or-nothing commits, snapshot reads, write conflicts, commit retries, the lifetime limit,
 * and writes retried with the same lsid + txnNumber applied once.
 */
import { Long, MongoClient, MongoServerError, type ClientSession, type Db } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const sessions: ClientSession[] = [];

function session(): ClientSession {
  const s = t.client().startSession();
  sessions.push(s);
  return s;
}

afterEach(async () => {
  while (sessions.length) await sessions.pop()!.endSession();
});

describe("transactions", () => {
  it("withTransaction commits every write together, invisible outside until the commit", async () => {
    const coll = t.db().collection<AnyDoc>("txn_commit");
    let seenOutside: number | undefined;
    await session().withTransaction(async (s) => {
      await coll.insertOne({ _id: "a" }, { session: s });
      await coll.insertOne({ _id: "b" }, { session: s });
      expect(await coll.countDocuments({}, { session: s })).toBe(2);
      seenOutside = await coll.countDocuments({});
    });
    expect(seenOutside).toBe(0);
    expect(await coll.countDocuments({})).toBe(2);
  });

  it("applies nothing when aborted, or when its callback throws", async () => {
    const coll = t.db().collection<AnyDoc>("txn_abort");
    const s = session();
    s.startTransaction();
    await coll.insertOne({ _id: "aborted" }, { session: s });
    await s.abortTransaction();
    await expect(
      session().withTransaction(async (s2) => {
        await coll.insertOne({ _id: "thrown" }, { session: s2 });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await coll.countDocuments({})).toBe(0);
  });

  it("reads from a snapshot: a change committed meanwhile is not seen inside", async () => {
    const coll = t.db().collection<AnyDoc>("txn_snapshot");
    await coll.insertOne({ _id: 1, v: "old" });
    const s = session();
    s.startTransaction();
    expect(await coll.findOne({ _id: 1 }, { session: s })).toEqual({ _id: 1, v: "old" });
    await coll.updateOne({ _id: 1 }, { $set: { v: "new" } });
    expect(await coll.findOne({ _id: 1 }, { session: s })).toEqual({ _id: 1, v: "old" });
    await s.commitTransaction();
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, v: "new" });
  });

  it("answers WriteConflict (112, TransientTransactionError) to the second transaction writing a document", async () => {
    const coll = t.db().collection<AnyDoc>("txn_conflict");
    await coll.insertOne({ _id: 1, n: 0 });
    const first = session();
    const second = session();
    first.startTransaction();
    second.startTransaction();
    await coll.updateOne({ _id: 1 }, { $inc: { n: 1 } }, { session: first });
    const error = await expectServerError(coll.updateOne({ _id: 1 }, { $inc: { n: 10 } }, { session: second }), 112);
    expect(error.codeName).toBe("WriteConflict");
    expect(error.hasErrorLabel("TransientTransactionError")).toBe(true);
    await second.abortTransaction();
    await first.commitTransaction();
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, n: 1 });
  });

  it("lets withTransaction retry a conflicting transaction until it commits", async () => {
    const coll = t.db().collection<AnyDoc>("txn_retry");
    await coll.insertOne({ _id: 1, n: 0 });
    const blocker = session();
    blocker.startTransaction();
    await coll.updateOne({ _id: 1 }, { $inc: { n: 1 } }, { session: blocker });
    let attempts = 0;
    await session().withTransaction(async (s) => {
      attempts += 1;
      if (attempts === 2) await blocker.commitTransaction();
      await coll.updateOne({ _id: 1 }, { $inc: { n: 10 } }, { session: s });
    });
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, n: 11 });
  });

  it("answers a repeated commit with ok (a commit retry) and applies the writes once", async () => {
    const coll = t.db().collection<AnyDoc>("txn_commit_twice");
    const s = session();
    s.startTransaction();
    await coll.insertOne({ _id: "once" }, { session: s });
    await s.commitTransaction();
    await s.commitTransaction();
    expect(await coll.countDocuments({})).toBe(1);
  });

  it("aborts a transaction whose statement fails; its commit is then NoSuchTransaction (251)", async () => {
    const coll = t.db().collection<AnyDoc>("txn_failed");
    await coll.insertOne({ _id: "dup" });
    const s = session();
    s.startTransaction();
    await coll.insertOne({ _id: "kept?" }, { session: s });
    await expectServerError(coll.insertOne({ _id: "dup" }, { session: s }), 11000);
    const error = await expectServerError(s.commitTransaction(), 251);
    expect(error.hasErrorLabel("TransientTransactionError")).toBe(true);
    expect(await coll.countDocuments({ _id: "kept?" })).toBe(0);
  });

  it("aborts a transaction older than transactionLifetimeLimitSeconds", async () => {
    const admin = t.client().db("admin");
    const { was } = await admin.command({ setParameter: 1, transactionLifetimeLimitSeconds: 1 });
    const coll = t.db().collection<AnyDoc>("txn_lifetime");
    const s = session();
    try {
      s.startTransaction();
      await coll.insertOne({ _id: 0 }, { session: s });
      let failure: unknown;
      for (let i = 1; failure === undefined && i < 400; i += 1) {
        await coll.insertOne({ _id: i }, { session: s }).catch((error: unknown) => (failure = error));
        if (failure === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(failure).toBeInstanceOf(MongoServerError);
      expect((failure as MongoServerError).code).toBe(251);
      await s.abortTransaction().catch(() => {});
      expect(await coll.countDocuments({})).toBe(0);
    } finally {
      await admin.command({ setParameter: 1, transactionLifetimeLimitSeconds: was });
    }
  });

  it("still serves ordinary writes that carry a session", async () => {
    const coll = t.db().collection<AnyDoc>("sessioned");
    const s = session();
    await coll.insertOne({ _id: 1 }, { session: s });
    await coll.updateOne({ _id: 1 }, { $set: { a: 1 } }, { session: s });
    expect(await coll.findOne({ _id: 1 }, { session: s })).toEqual({ _id: 1, a: 1 });
  });
});

/**
 * A client of its own: these tests choose txnNumbers by hand, which must not collide with the
 * numbers the shared client's pooled sessions go on to use.
 */
async function ownSession(): Promise<{ db: Db; s: ClientSession }> {
  const client = new MongoClient(t.uri);
  clients.push(client);
  return { db: client.db(t.name), s: client.startSession() };
}

const clients: MongoClient[] = [];
afterEach(async () => {
  while (clients.length) await clients.pop()!.close();
});

describe("retryable writes", () => {
  it("apply a write retried with the same lsid and txnNumber once, answering the first reply", async () => {
    const { db, s } = await ownSession();
    const insert = { insert: "retry_insert", documents: [{ _id: "r" }], txnNumber: Long.fromNumber(7) };
    expect((await db.command(insert, { session: s })).n).toBe(1);
    expect((await db.command(insert, { session: s })).n).toBe(1);
    const update = { update: "retry_insert", updates: [{ q: { _id: "r" }, u: { $inc: { n: 1 } } }], txnNumber: Long.fromNumber(8) };
    await db.command(update, { session: s });
    await db.command(update, { session: s });
    expect(await db.collection<AnyDoc>("retry_insert").find().toArray()).toEqual([{ _id: "r", n: 1 }]);
  });

  it("refuses a txnNumber older than the session's latest (225)", async () => {
    const { db, s } = await ownSession();
    await db.command({ insert: "retry_old", documents: [{ _id: 1 }], txnNumber: Long.fromNumber(3) }, { session: s });
    await expectServerError(db.command({ insert: "retry_old", documents: [{ _id: 2 }], txnNumber: Long.fromNumber(2) }, { session: s }), 225);
    expect(await db.collection<AnyDoc>("retry_old").countDocuments({})).toBe(1);
  });
});
