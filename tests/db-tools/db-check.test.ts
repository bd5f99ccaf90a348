/**
 * `npm run db:check`: every hot query the models list (models/index.ts) must be served by an index. The
 * first test runs the real command against this run's server, so a new unindexed hot query fails
 * `npm test`; the others prove the check fails when an index is missing or a query is unindexed.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkQueries, checkQuery, type HotQuery } from "@/lib/server/infra/db/query-check";
import { allHotQueries as HOT_QUERIES, allModels } from "@/models";
import { messagesModel } from "@/models/messages";
import { useAppDatabase } from "../helpers/app-db";
import { runScript } from "./support/run-script";

const t = useAppDatabase();

describe("npm run db:check", () => {
  it("passes: every hot query is served by an index, and index usage is printed", async () => {
    const result = await runScript("db-check.ts", ["--ensure"], { MONGODB_URI: t.uri, MONGODB_DB: `${t.name}_cli` });
    await t.client().db(`${t.name}_cli`).dropDatabase();
    expect(result.stdout).toContain(`All ${HOT_QUERIES.length} hot queries are served by an index.`);
    expect(result.stdout).not.toMatch(/^FAIL/m);
    expect(result.stdout).toMatch(/Index usage[\s\S]*messages\.conversationId_timestamp/);
    expect(result.code).toBe(0);
  }, 120_000);

  it("fails a deliberately unindexed query and an in-memory sort", async () => {
    const owner = HOT_QUERIES.find((q) => q.name === "messages.recent")!;
    const unindexed = { name: "messages.byText", collection: owner.collection, runBy: "test", op: "find", filter: { message: "hello" } } satisfies HotQuery;
    const badSort: HotQuery = { ...unindexed, name: "messages.byConversationSortedByText", filter: { conversationId: "c" }, sort: { message: 1 } };
    const [scan, sort] = await checkQueries(t.db(), [unindexed, badSort]);
    expect(scan!.stages).toContain("COLLSCAN");
    expect(scan!.problems.join()).toMatch(/collection scan/);
    expect(sort!.stages).toContain("SORT");
    expect(sort!.problems.join()).toMatch(/in-memory sort/);
  });

  it("catches the deletes by owner when the messages userId index is missing", async () => {
    const messages = t.db().collection(messagesModel.collection);
    const userIndex = messagesModel.indexes.find((index) => Object.keys(index.key).join() === "userId")!;
    await messages.dropIndex(userIndex.name);
    try {
      const failing = (await checkQueries(t.db(), HOT_QUERIES)).filter((v) => v.problems.length).map((v) => v.query.name);
      expect(failing.sort()).toEqual(["messages.deleteAll", "messages.deleteOfUser"]);
    } finally {
      await messages.createIndexes([userIndex]);
    }
    expect((await checkQuery(t.db(), HOT_QUERIES.find((q) => q.name === "messages.deleteAll")!)).problems).toEqual([]);
  });

  it("lists each hot query once, on a collection a model declares", () => {
    const names = HOT_QUERIES.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    const collections = new Set(allModels.map((model) => model.collection));
    expect(HOT_QUERIES.filter((q) => !collections.has(q.collection)).map((q) => q.name)).toEqual([]);
    expect(HOT_QUERIES.filter((q) => !/^(models|lib)\/[\w/-]+\.ts#\w+$/.test(q.runBy)).map((q) => q.name)).toEqual([]);
  });

  it("names, for each hot query, a function its model file exports (a rename cannot leave it behind)", async () => {
    const missing: string[] = [];
    for (const query of HOT_QUERIES) {
      const [file, name] = query.runBy.split("#") as [string, string];
      const exports = (await import(path.resolve(file))) as Record<string, unknown>;
      if (typeof exports[name] !== "function") missing.push(query.runBy);
    }
    expect(missing).toEqual([]);
  });
});
