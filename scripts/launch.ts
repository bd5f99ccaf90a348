/**
 * Starts Next.js (`dev` or `start`) with a database.
 *
 * With MONGODB_URI set, the app talks to that server. Without it, `dev` starts the embedded
 * MongoDB-compatible server persisted under `.data/` so a fresh clone runs with zero setup;
 * `start` refuses unless CHATCRAFT_EMBEDDED_DB asks for the embedded server explicitly
 * (`1` = persisted under CHATCRAFT_DATA_DIR or `.data/`, `memory` = nothing written to disk).
 *
 * `start` runs WEB_CONCURRENCY server workers (default: one per core) on one port
 * (scripts/launch-cluster.ts); `dev` is one process.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { z } from "zod";
import { startEmbeddedMongo, type EmbeddedMongo } from "../tools/embedded-mongo";
import { runCluster } from "./launch-cluster";

type Mode = "dev" | "start";

const mode = process.argv[2] as Mode;
// Read .env.local & co. the way Next.js will, so MONGODB_URI set there is honoured here too.
loadEnvConfig(process.cwd(), mode === "dev", { info: () => {}, error: console.error });
const nextArgs = process.argv.slice(3);
const dataDir = path.resolve(process.env.CHATCRAFT_DATA_DIR ?? ".data");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function embeddedRequest(): "persisted" | "memory" | null {
  const flag = process.env.CHATCRAFT_EMBEDDED_DB?.trim().toLowerCase();
  if (flag === "memory") return "memory";
  if (flag === "1" || flag === "true") return "persisted";
  if (flag && flag !== "0" && flag !== "false") {
    fail(`CHATCRAFT_EMBEDDED_DB must be "1", "memory" or "0" (got "${flag}").`);
  }
  return mode === "dev" ? "persisted" : null;
}

async function startDatabase(): Promise<EmbeddedMongo | null> {
  if (process.env.MONGODB_URI) return null;
  const request = embeddedRequest();
  if (!request) {
    fail(
      "MONGODB_URI is not set. A production server never falls back to the embedded database.\n" +
        "  Set MONGODB_URI (see .env.local.example), or set CHATCRAFT_EMBEDDED_DB=1 to use the\n" +
        "  embedded development/test server on purpose.",
    );
  }
  const dbPath = request === "persisted" ? path.join(dataDir, "db") : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const port = Number(process.env.CHATCRAFT_EMBEDDED_DB_PORT ?? 0);
  const db = await startEmbeddedMongo({ port, dbPath, quiet: true });
  const where = dbPath ? `persisted in ${path.relative(process.cwd(), dbPath) || dbPath}` : "in memory";
  console.log(`▲ Database: embedded MongoDB-compatible server at ${db.uri} (${where}).`);
  console.log("  Development/test only. Set MONGODB_URI to use MongoDB or Atlas.");
  return db;
}

/** A stable secret for local development, so sessions survive restarts without any setup. */
function devAuthSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (mode === "dev") return devAuthSecret();
  fail("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it.");
}

const clusterSettings = z.object({
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  CHATCRAFT_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

function readClusterSettings(): z.infer<typeof clusterSettings> {
  const parsed = clusterSettings.safeParse({
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || undefined,
    CHATCRAFT_SHUTDOWN_GRACE_MS: process.env.CHATCRAFT_SHUTDOWN_GRACE_MS || undefined,
  });
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n  "));
  return parsed.data;
}

/** `next dev`: one child process, stopped with the launcher. */
function runSingle(nextBin: string, env: NodeJS.ProcessEnv, onStopped: (code: number) => Promise<never>): void {
  const child = spawn(process.execPath, [nextBin, mode, ...nextArgs], { env, stdio: "inherit" });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", (code, signal) => void onStopped(code ?? (signal ? 0 : 1)));
}

async function main(): Promise<void> {
  if (mode !== "dev" && mode !== "start") fail("usage: tsx scripts/launch.ts <dev|start> [next args]");
  const settings = mode === "start" ? readClusterSettings() : null;
  const db = await startDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: authSecret(),
    MONGODB_URI: db?.uri ?? process.env.MONGODB_URI,
    CHATCRAFT_DB_KIND: db ? "embedded" : "external",
  };
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const onStopped = async (code: number): Promise<never> => {
    await db?.stop();
    process.exit(code);
  };
  if (settings) {
    runCluster({ exec: nextBin, args: [mode, ...nextArgs], env, workers: settings.WEB_CONCURRENCY, graceMs: settings.CHATCRAFT_SHUTDOWN_GRACE_MS }, onStopped);
  } else {
    runSingle(nextBin, env, onStopped);
  }
}

void main();
