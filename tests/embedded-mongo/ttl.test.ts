/**
 * TTL indexes really expire documents. mongod's TTL monitor wakes every 60 s, so the poll is
 * generous; the embedded server is expected to act within a few seconds.
 */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const POLL_LIMIT_MS = 90_000;

async function waitUntil(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return check();
}

describe("TTL index", () => {
  it("removes expired documents and keeps the rest", async () => {
    const coll = t.db().collection<AnyDoc>("sessions");
    await coll.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const now = Date.now();
    await coll.insertMany([
      { _id: "expired", expiresAt: new Date(now - 1_000) },
      { _id: "expired-array", expiresAt: [new Date(now + 3_600_000), new Date(now - 5_000)] },
      { _id: "future", expiresAt: new Date(now + 3_600_000) },
      { _id: "not-a-date", expiresAt: "2000-01-01" },
      { _id: "no-field" },
    ]);
    const gone = await waitUntil(async () => (await coll.countDocuments({ _id: { $in: ["expired", "expired-array"] } })) === 0, POLL_LIMIT_MS);
    expect(gone).toBe(true);
    const left = (await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(left).toEqual(["future", "no-field", "not-a-date"]);
  }, POLL_LIMIT_MS + 15_000);

  it("counts expireAfterSeconds from the indexed date", async () => {
    const coll = t.db().collection<AnyDoc>("events");
    await coll.createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });
    const now = Date.now();
    await coll.insertMany([
      { _id: "old", createdAt: new Date(now - 2 * 3_600_000) },
      { _id: "recent", createdAt: new Date(now - 60_000) },
    ]);
    const gone = await waitUntil(async () => (await coll.countDocuments({ _id: "old" })) === 0, POLL_LIMIT_MS);
    expect(gone).toBe(true);
    expect(await coll.countDocuments({ _id: "recent" })).toBe(1);
  }, POLL_LIMIT_MS + 15_000);
});
