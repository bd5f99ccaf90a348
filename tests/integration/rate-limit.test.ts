import { MongoClient } from "mongodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { retryMessage } from "@/lib/shared/errors";
import { rateLimitHeaders, type RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { enforceRateLimit, hitRateLimit } from "@/lib/server/services/limits/rate-limit";
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

afterEach(() => {
  vi.useRealTimers();
});

describe("rate limits stored in MongoDB (rate-limiter-flexible)", () => {
  it("counts attempts from two separate clients against one limit", async () => {
    const a = { db: first.db(test.name) };
    const b = { db: second.db(test.name) };
    expect((await hitRateLimit(rule, "10.0.0.1", a)).remaining).toBe(2);
    expect((await hitRateLimit(rule, "10.0.0.1", b)).remaining).toBe(1);
    expect((await hitRateLimit(rule, "10.0.0.1", a)).allowed).toBe(true);
    const refused = await hitRateLimit(rule, "10.0.0.1", b);
    expect(refused).toMatchObject({ allowed: false, count: 4, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("starts a key's window at its first attempt, not at a clock boundary", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // 50 s into a clock minute: a clock-aligned window would reset 10 s from now.
    vi.setSystemTime(new Date("2031-01-01T00:00:50Z"));
    for (let i = 0; i < 3; i += 1) await hitRateLimit(rule, "alice");
    vi.setSystemTime(new Date("2031-01-01T00:01:05Z"));
    const refused = await hitRateLimit(rule, "alice");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(45);
    expect((await hitRateLimit(rule, "bob")).allowed).toBe(true);
    vi.setSystemTime(new Date("2031-01-01T00:01:51Z"));
    expect((await hitRateLimit(rule, "alice")).allowed).toBe(true);
  });

  it("throws a 429 AppError that says when to retry, and reports RateLimit-* headers", async () => {
    let last;
    for (let i = 0; i < 3; i += 1) last = await enforceRateLimit(rule, "carol", "rate_limited:auth");
    expect(rateLimitHeaders(last!)).toMatchObject({ "RateLimit-Limit": "3", "RateLimit-Remaining": "0" });
    const error = await enforceRateLimit(rule, "carol", "rate_limited:auth").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "rate_limited:auth", status: 429 });
    const seconds = (error as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(error).toMatchObject({ message: retryMessage(seconds) });
    expect(retryMessage(30)).toBe("Too many attempts. Try again in 30 seconds.");
  });

  it("stores counters with an expiry and a TTL index, never the raw key", async () => {
    await hitRateLimit(rule, "someone@example.com");
    const docs = await test.db().collection("rateLimitCounters").find({ key: /^test:rule:/ }).toArray();
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc.expire).toBeInstanceOf(Date);
      expect(String(doc.key)).not.toContain("someone");
    }
    const indexes = await test.db().collection("rateLimitCounters").listIndexes().toArray();
    expect(indexes.find((index) => index.name === "expire_ttl")?.expireAfterSeconds).toBe(0);
    expect(indexes.find((index) => index.name === "key_unique")?.unique).toBe(true);
  });
});
