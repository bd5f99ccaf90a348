/**
 * explain and $indexStats, written from the MongoDB manual ("Explain Results", "$indexStats") so
 * they pass on mongod too: they assert stage names in the winning plan, the index named, and the
 * executionStats counters, not mongod-only details.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { indexesUsed, planStages, stageNames } from "@/lib/server/infra/db/plan-stages";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();
const items = () => t.db().collection<AnyDoc>("items");
const N = 200;

beforeAll(async () => {
  await items().createIndex({ group: 1, at: 1 }, { name: "group_at" });
  await items().insertMany(Array.from({ length: N }, (_, i) => ({ _id: i, group: `g${i % 10}`, at: new Date(Date.UTC(2024, 0, 1) + ((i * 37) % N) * 60_000), n: i })));
});

const stats = (explain: AnyDoc) => explain.executionStats as AnyDoc;

describe("explain find", () => {
  it("reports a collection scan and an in-memory sort when no index serves the query", async () => {
    const explain = await items().find({ n: { $gte: 150 } }).sort({ n: -1 }).explain("executionStats");
    const names = stageNames(explain);
    expect(names).toContain("COLLSCAN");
    expect(names).toContain("SORT");
    expect(names).not.toContain("IXSCAN");
    expect(stats(explain).nReturned).toBe(50);
    expect(stats(explain).totalDocsExamined).toBe(N);
    expect(stats(explain).totalKeysExamined).toBe(0);
  });

  it("reads an equality plus sort on the next key through the index, without a SORT stage", async () => {
    const explain = await items().find({ group: "g3" }).sort({ at: -1 }).limit(5).explain("executionStats");
    const names = stageNames(explain);
    expect(names).toEqual(expect.arrayContaining(["LIMIT", "FETCH", "IXSCAN"]));
    expect(names).not.toContain("SORT");
    expect(names).not.toContain("COLLSCAN");
    expect(indexesUsed(explain)).toEqual(["group_at"]);
    const ixscan = planStages(explain).find((s) => s.stage === "IXSCAN")!;
    expect(ixscan.keyPattern).toEqual({ group: 1, at: 1 });
    expect(ixscan.direction).toBe("backward");
    expect(stats(explain).nReturned).toBe(5);
    // The limit stops the walk: only the returned keys and documents are examined.
    expect(stats(explain).totalKeysExamined).toBeLessThanOrEqual(6);
    expect(stats(explain).totalDocsExamined).toBe(5);
  });

  it("sorts in memory when the index serves the filter but not the sort", async () => {
    const explain = await items().find({ group: "g1" }).sort({ n: 1 }).explain("executionStats");
    expect(stageNames(explain)).toEqual(expect.arrayContaining(["SORT", "FETCH", "IXSCAN"]));
    expect(stats(explain).nReturned).toBe(N / 10);
    expect(stats(explain).totalDocsExamined).toBe(N / 10);
  });

  it("looks an _id up without scanning", async () => {
    const explain = await items().find({ _id: 42 }).explain("executionStats");
    expect(stageNames(explain)).not.toContain("COLLSCAN");
    expect(stats(explain).nReturned).toBe(1);
    expect(stats(explain).totalDocsExamined).toBe(1);
  });

  it("shows skip and projection stages", async () => {
    const explain = await items().find({ group: "g2" }, { projection: { n: 1 } }).sort({ at: 1 }).skip(2).limit(3).explain("queryPlanner");
    const names = stageNames(explain);
    expect(names).toEqual(expect.arrayContaining(["SKIP", "IXSCAN"]));
    expect(names.some((n) => n.startsWith("PROJECTION"))).toBe(true);
    expect(explain.executionStats).toBeUndefined();
    expect(explain.queryPlanner.namespace).toBe(`${t.name}.items`);
  });

  it("answers every verbosity and refuses an unknown one", async () => {
    const all = await items().find({ group: "g0" }).explain("allPlansExecution");
    expect(stats(all).executionSuccess).toBe(true);
    expect(typeof stats(all).executionTimeMillis).toBe("number");
    await expect(t.db().command({ explain: { find: "items", filter: {} }, verbosity: "everything" })).rejects.toThrow(/verbosity/);
  });
});

describe("explain other commands", () => {
  it("explains an aggregation whose $match uses an index", async () => {
    const explain = await items().aggregate([{ $match: { group: "g4" } }, { $group: { _id: null, total: { $sum: "$n" } } }]).explain("executionStats");
    expect(stageNames(explain)).toContain("IXSCAN");
    expect(stageNames(explain)).not.toContain("COLLSCAN");
  });

  it("explains count, distinct, update, delete and findAndModify without writing", async () => {
    const db = t.db();
    const explainOf = (command: AnyDoc) => db.command({ explain: command, verbosity: "executionStats" });
    const count = await explainOf({ count: "items", query: { group: "g5" } });
    expect(stageNames(count)).toContain("COUNT");
    const distinct = await explainOf({ distinct: "items", key: "n", query: { n: { $lt: 5 } } });
    expect(stageNames(distinct)).toContain("COLLSCAN");
    const update = await explainOf({ update: "items", updates: [{ q: { group: "g6" }, u: { $set: { touched: true } }, multi: true }] });
    expect(stageNames(update)).toEqual(expect.arrayContaining(["UPDATE", "IXSCAN"]));
    const remove = await explainOf({ delete: "items", deletes: [{ q: { n: 7 }, limit: 0 }] });
    expect(stageNames(remove)[0]).toMatch(/DELETE/);
    expect(stageNames(remove)).toContain("COLLSCAN");
    const fam = await explainOf({ findAndModify: "items", query: { group: "g7" }, sort: { at: 1 }, update: { $inc: { n: 1000 } } });
    expect(stageNames(fam)).toEqual(expect.arrayContaining(["UPDATE", "IXSCAN"]));
    expect(await items().countDocuments({ touched: true })).toBe(0);
    expect(await items().countDocuments()).toBe(N);
    expect(await items().countDocuments({ n: { $gte: 1000 } })).toBe(0);
  });
});

describe("$indexStats", () => {
  it("lists every index and counts the queries that used it", async () => {
    const read = async () => {
      const rows = await items().aggregate<AnyDoc>([{ $indexStats: {} }, { $sort: { name: 1 } }]).toArray();
      return new Map(rows.map((row) => [row.name as string, row]));
    };
    const before = await read();
    expect([...before.keys()]).toEqual(["_id_", "group_at"]);
    expect(before.get("group_at")!.key).toEqual({ group: 1, at: 1 });
    expect(before.get("group_at")!.accesses.since).toBeInstanceOf(Date);
    for (let i = 0; i < 3; i += 1) await items().find({ group: "g8" }).toArray();
    await items().find({ n: 3 }).toArray(); // a collection scan touches no index
    const after = await read();
    expect(Number(after.get("group_at")!.accesses.ops) - Number(before.get("group_at")!.accesses.ops)).toBe(3);
  });

  it("is only valid as the first stage", async () => {
    await expect(items().aggregate([{ $match: {} }, { $indexStats: {} }]).toArray()).rejects.toThrow(/first stage/);
  });
});

describe("explain $or", () => {
  it("unions index scans when every branch of an $or is indexed, and scans when one is not", async () => {
    const untyped = t.db().collection<{ _id: number; group: string }>("items");
    const indexed = await untyped.find({ $or: [{ group: "g1" }, { _id: 5 }] }).explain("executionStats");
    expect(stageNames(indexed)).not.toContain("COLLSCAN");
    expect(stageNames(indexed)).toContain("OR");
    expect(stats(indexed).nReturned).toBe(N / 10 + 1);
    const found = await untyped.find({ $or: [{ group: "g1" }, { _id: 5 }] }).toArray();
    const byNumber = (a: number, b: number) => a - b;
    expect(found.map((d) => Number(d._id)).sort(byNumber)).toEqual([...Array.from({ length: N / 10 }, (_, i) => i * 10 + 1), 5].sort(byNumber));
    const scanned = await items().find({ $or: [{ group: "g1" }, { n: 5 }] }).explain("executionStats");
    expect(stageNames(scanned)).toContain("COLLSCAN");
  });
});
