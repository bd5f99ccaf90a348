/**
 * `npm run db:check`: every hot query of models/hot-queries.ts must be served by an index. The
 * first test runs the real command against this run's server, so a new unindexed hot query fails
 * `npm test`; the others prove the check fails when an index is missing or a query is unindexed.
 */
import { describe, expect, it } from "vitest";
import { checkQueries } from "@/lib/db/query-check";
import { HOT_QUERIES, type HotQuery } from "@/models/hot-queries";
import { useAppDatabase } from "../helpers/app-db";

const t = useAppDatabase();

describe("npm run db:check", () => {
  it("fails a deliberately unindexed query and an in-memory sort", async () => {
    const owner = HOT_QUERIES.find((q) => q.name === "messages.recent")!;
    const unindexed: HotQuery = { name: "messages.byText", collection: owner.collection, mirrors: "test", op: "find", filter: { message: "hello" } };
    const badSort: HotQuery = { ...unindexed, name: "messages.byConversationSortedByText", filter: { conversationId: "c" }, sort: { message: 1 } };
    const [scan, sort] = await checkQueries(t.db(), [unindexed, badSort]);
    expect(scan!.stages).toContain("COLLSCAN");
    expect(scan!.problems.join()).toMatch(/collection scan/);
    expect(sort!.stages).toContain("SORT");
    expect(sort!.problems.join()).toMatch(/in-memory sort/);
  });
});
