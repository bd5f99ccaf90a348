/**
 * The chat page query: equality on an index prefix plus sort on the next key. Correctness only
 * (the speed belongs to `npm run bench:db`), at a size where a wrong index walk would show.
 */
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const CONVERSATIONS = 500;
const PER_CONVERSATION = 100;
const BASE = Date.UTC(2024, 0, 1);
const messages = () => t.db().collection<AnyDoc>("messages");

// Timestamps are scattered (not insertion order) so natural order never equals sort order.
function timestampFor(conversation: number, n: number): Date {
  return new Date(BASE + ((n * 7919 + conversation * 104729) % 1_000_003) * 1000);
}

beforeAll(async () => {
  await messages().createIndex({ conversationId: 1, timestamp: -1 });
  const batch: AnyDoc[] = [];
  for (let n = 0; n < PER_CONVERSATION; n += 1) {
    for (let c = 0; c < CONVERSATIONS; c += 1) {
      batch.push({ conversationId: `conv-${c}`, n, sender: n % 2 ? "ai" : "user", message: `message ${n}`, timestamp: timestampFor(c, n) });
    }
  }
  for (let i = 0; i < batch.length; i += 5_000) await messages().insertMany(batch.slice(i, i + 5_000));
}, 120_000);

function expectedPage(conversation: number, limit: number): number[] {
  return Array.from({ length: PER_CONVERSATION }, (_, n) => n)
    .sort((a, b) => timestampFor(conversation, b).getTime() - timestampFor(conversation, a).getTime())
    .slice(0, limit);
}

describe("indexed page query", () => {
  it("returns the newest 50 messages of a conversation in order", async () => {
    for (const conversation of [0, 1, 250, 499]) {
      const page = await messages().find({ conversationId: `conv-${conversation}` }).sort({ timestamp: -1 }).limit(50).toArray();
      expect(page.map((d) => d.n)).toEqual(expectedPage(conversation, 50));
      expect(new Set(page.map((d) => d.conversationId))).toEqual(new Set([`conv-${conversation}`]));
    }
  });

  it("pages on with a timestamp bound and answers ascending sorts too", async () => {
    const first = await messages().find({ conversationId: "conv-7" }).sort({ timestamp: -1 }).limit(50).toArray();
    const last = first[first.length - 1]!;
    const second = await messages().find({ conversationId: "conv-7", timestamp: { $lt: last.timestamp } }).sort({ timestamp: -1 }).limit(50).toArray();
    expect([...first, ...second].map((d) => d.n)).toEqual(expectedPage(7, 100));
    const oldest = await messages().find({ conversationId: "conv-7" }).sort({ timestamp: 1 }).limit(5).toArray();
    expect(oldest.map((d) => d.n)).toEqual(expectedPage(7, 100).reverse().slice(0, 5));
  });

  it("finds ObjectId keys through an index by value, not by instance", async () => {
    const users = t.db().collection<AnyDoc>("by_user");
    await users.createIndex({ userId: 1, at: -1 });
    const ids = Array.from({ length: 50 }, () => new ObjectId());
    await users.insertMany(ids.flatMap((userId, u) => Array.from({ length: 20 }, (_, at) => ({ userId, u, at }))));
    const target = new ObjectId(ids[17]!.toHexString());
    const page = await users.find({ userId: target }).sort({ at: -1 }).limit(5).toArray();
    expect(page.map((d) => [d.u, d.at])).toEqual([[17, 19], [17, 18], [17, 17], [17, 16], [17, 15]]);
  });

  it("sees writes made after the index was built", async () => {
    await messages().insertOne({ conversationId: "conv-3", n: 1000, timestamp: new Date(BASE + 10 ** 10) });
    await messages().deleteMany({ conversationId: "conv-3", n: expectedPage(3, 1)[0] });
    const page = await messages().find({ conversationId: "conv-3" }).sort({ timestamp: -1 }).limit(3).toArray();
    expect(page.map((d) => d.n)).toEqual([1000, ...expectedPage(3, 3).slice(1)]);
    expect(await messages().countDocuments({ conversationId: "conv-3" })).toBe(PER_CONVERSATION);
  });
});
