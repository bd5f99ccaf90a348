import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryMessage } from "@/lib/errors";
import { enforceRateLimit, hitRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { useAppDatabase } from "../helpers/app-db";

const test = useAppDatabase();
const rule: RateLimitRule = { name: "test:rule", limit: 3, windowS: 60 };
let first: MongoClient;
let second: MongoClient;

beforeAll(async () => {
  // Two clients stand in for two app processes sharing one database.
  first = await new MongoClient(test.uri).connect();
  second = await new MongoClient(test.uri).connect();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe("fixed-window rate limits stored in MongoDB", () => {
  it("counts attempts from two separate clients against one limit", async () => {
    const now = new Date("2030-01-01T00:00:10Z");
    const a = { db: first.db(test.name), now };
    const b = { db: second.db(test.name), now };
    expect((await hitRateLimit(rule, "10.0.0.1", a)).remaining).toBe(2);
    expect((await hitRateLimit(rule, "10.0.0.1", b)).remaining).toBe(1);
    expect((await hitRateLimit(rule, "10.0.0.1", a)).allowed).toBe(true);
    const refused = await hitRateLimit(rule, "10.0.0.1", b);
    expect(refused).toMatchObject({ allowed: false, count: 4, remaining: 0 });
    // 10 s into a 60 s window: 50 s to wait.
    expect(refused.retryAfterS).toBe(50);
  });

  it("keeps keys apart and starts over in the next window", async () => {
    const now = new Date("2030-01-01T00:05:00Z");
    for (let i = 0; i < 3; i += 1) await hitRateLimit(rule, "alice", { now });
    expect((await hitRateLimit(rule, "alice", { now })).allowed).toBe(false);
    expect((await hitRateLimit(rule, "bob", { now })).allowed).toBe(true);
    expect((await hitRateLimit(rule, "alice", { now: new Date("2030-01-01T00:06:00Z") })).allowed).toBe(true);
  });

  it("throws a 429 AppError that says when to retry", async () => {
    const now = new Date("2030-01-01T01:00:30Z");
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(rule, "carol", "rate_limited:auth", { now });
    const error = await enforceRateLimit(rule, "carol", "rate_limited:auth", { now }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "rate_limited:auth", status: 429, retryAfterS: 30, message: retryMessage(30) });
    expect(retryMessage(30)).toBe("Too many attempts. Try again in 30 seconds.");
  });

  it("stores counters with an expiry and a TTL index, never the raw key", async () => {
    await hitRateLimit(rule, "someone@example.com");
    const docs = await test.db().collection("rateLimits").find({ rule: "test:rule" }).toArray();
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.expiresAt).toBeInstanceOf(Date);
      expect(String(doc._id)).not.toContain("someone");
    }
    const indexes = await test.db().collection("rateLimits").listIndexes().toArray();
    expect(indexes.find((index) => index.name === "expiresAt_ttl")?.expireAfterSeconds).toBe(0);
  });
});
