/**
 * Per-file database isolation: every test file that calls useTestDatabase() gets its own freshly
 * named database on the run's server, dropped when the file is done.
 */
import { createHash, randomBytes } from "node:crypto";
import { MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, inject } from "vitest";

export interface TestDatabase {
  client: () => MongoClient;
  db: () => Db;
  /** Base URI of the server (no database in it); valid once beforeAll has run. */
  readonly uri: string;
  /** Name of this file's database; valid once beforeAll has run. */
  readonly name: string;
}

/** True when this run uses the embedded server (the user did not pass MONGODB_URI). */
export function isEmbedded(): boolean {
  return inject("mongoEmbedded");
}

/** The run's base server URI, as provided by the global setup. */
export function serverUri(): string {
  return inject("mongoUri");
}

function databaseNameFor(filePath: string): string {
  const fileHash = createHash("sha256").update(filePath).digest("hex").slice(0, 8);
  return `t_${fileHash}_${randomBytes(4).toString("hex")}`;
}

export function useTestDatabase(): TestDatabase {
  let client: MongoClient | undefined;
  let db: Db | undefined;
  let name = "";
  const uri = serverUri();

  // vitest requires the first (fixture) argument to be a destructuring pattern; we only need the suite.
  beforeAll(async ({}, suite) => {
    name = databaseNameFor(suite.file?.filepath ?? suite.name);
    client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    db = client.db(name);
    process.env.MONGODB_URI = uri;
    process.env.MONGODB_DB = name;
  });

  afterAll(async () => {
    try {
      await db?.dropDatabase();
    } finally {
      await client?.close();
      client = undefined;
      db = undefined;
    }
  });

  return {
    client: () => {
      if (!client) throw new Error("useTestDatabase(): client used before beforeAll ran");
      return client;
    },
    db: () => {
      if (!db) throw new Error("useTestDatabase(): db used before beforeAll ran");
      return db;
    },
    get uri() {
      return uri;
    },
    get name() {
      return name;
    },
  };
}
