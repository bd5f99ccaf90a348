/**
 * `npm run db:check [-- --ensure]` — explains every hot query (each model lists its own, built by
 * the builders its functions run; models/index.ts gathers them) and exits 1 if any is a
 * collection scan or sorts in memory; then prints how often each index was used.
 *
 * With MONGODB_URI set (env or .env.local) it checks that database as it is — pass `--ensure` to
 * create the app's collections and indexes first, as the app's start-up does. Without it, a fresh
 * in-memory embedded server gets the app's indexes and is checked.
 */
import { loadEnvConfig } from "@next/env";
import { startEmbeddedMongo, type EmbeddedMongo } from "@/tools/embedded-mongo";
import { closeDb, getDb } from "@/lib/server/infra/db/client";
import { checkQueries, indexUsage, type IndexUsage, type QueryVerdict } from "@/lib/server/infra/db/query-check";
import { resetEnvCache } from "@/lib/server/infra/env";
import { allHotQueries, allModels, ensureAllModels } from "@/models";

function printVerdicts(verdicts: readonly QueryVerdict[]): void {
  const width = Math.max(...verdicts.map((v) => v.query.name.length));
  for (const v of verdicts) {
    const mark = v.problems.length ? "FAIL" : "ok  ";
    const index = v.indexes.length ? v.indexes.join("+") : "-";
    console.log(`${mark} ${v.query.name.padEnd(width)}  ${v.stages.join(" > ")}  index: ${index}  keys/docs examined: ${v.keysExamined}/${v.docsExamined}`);
    for (const problem of v.problems) console.log(`       ${problem}\n       run by ${v.query.runBy}`);
  }
}

function printUsage(rows: readonly IndexUsage[], fresh: boolean): void {
  console.log(`\nIndex usage ($indexStats, before this check ran${fresh ? "; a fresh server, so all zero" : ""}):`);
  for (const row of rows) {
    const since = row.since ? ` since ${row.since.toISOString()}` : "";
    console.log(`  ${`${row.collection}.${row.name}`.padEnd(44)} ${String(row.ops).padStart(8)} ops${since}${row.ops === 0 ? "  (unused)" : ""}`);
  }
}

async function main(): Promise<number> {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const ensure = process.argv.includes("--ensure");
  let embedded: EmbeddedMongo | undefined;
  if (!process.env.MONGODB_URI) {
    embedded = await startEmbeddedMongo({ quiet: true });
    process.env.MONGODB_URI = embedded.uri;
    console.log("MONGODB_URI is not set: checking a fresh embedded server with the app's indexes.");
  }
  resetEnvCache();
  try {
    const db = embedded || ensure ? await ensureAllModels() : await getDb();
    const usage = await indexUsage(db, allModels.map((model) => model.collection));
    const verdicts = await checkQueries(db, allHotQueries);
    printVerdicts(verdicts);
    printUsage(usage, embedded !== undefined);
    const failed = verdicts.filter((v) => v.problems.length > 0);
    console.log(failed.length ? `\n${failed.length} of ${verdicts.length} hot queries are not served by an index.` : `\nAll ${verdicts.length} hot queries are served by an index.`);
    return failed.length ? 1 : 0;
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("db:check failed:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
