/**
 * One MongoClient per process. The client lives on globalThis so Next.js dev hot reloads reuse
 * it instead of opening a new pool per edit. Writes are majority-acknowledged and retryable.
 * This module knows nothing of the app's collections: models reach theirs through
 * modelCollection() (collection.ts), which ensures the validator and indexes first. Its command
 * and pool events feed the metrics.
 */
import "server-only";
import { MongoClient, type Db } from "mongodb";
import { instrumentMongoClient } from "@/lib/server/infra/db/command-metrics";
import { getEnv } from "@/lib/server/infra/env";

interface DbState {
  client?: MongoClient;
  connecting?: Promise<MongoClient>;
  ready?: Promise<Db>;
  readyDbName?: string;
}

const globalKey = Symbol.for("chatcraft.mongo");
type GlobalWithDb = typeof globalThis & { [globalKey]?: DbState };

function state(): DbState {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= {};
  return g[globalKey];
}

export function createMongoClient(uri: string): MongoClient {
  const client = new MongoClient(uri, {
    appName: "chatcraft",
    writeConcern: { w: "majority" },
    retryWrites: true,
    retryReads: true,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    // Command events feed the MongoDB metrics (lib/server/infra/db/command-metrics.ts).
    monitorCommands: true,
  });
  instrumentMongoClient(client);
  return client;
}

/** The connected client (connects on first use; a failed connect is retried on the next call). */
export async function getMongoClient(): Promise<MongoClient> {
  const s = state();
  const client = (s.client ??= createMongoClient(getEnv().MONGODB_URI));
  s.connecting ??= client.connect().catch((error: unknown) => {
    if (s.client === client) {
      s.client = undefined;
      s.connecting = undefined;
    }
    void client.close().catch(() => undefined);
    throw error;
  });
  await s.connecting;
  return client;
}

/** The app database (MONGODB_DB) on the shared client; the same Db object until closeDb(). */
export async function getDb(): Promise<Db> {
  const s = state();
  const name = getEnv().MONGODB_DB;
  if (!s.ready || s.readyDbName !== name) {
    s.readyDbName = name;
    s.ready = getMongoClient().then(
      (client) => client.db(name),
      (error: unknown) => {
        s.ready = undefined;
        throw error;
      },
    );
  }
  return s.ready;
}

/** Closes the client (tests, graceful shutdown). The next getDb() reconnects. */
export async function closeDb(): Promise<void> {
  const s = state();
  const client = s.client;
  s.client = undefined;
  s.connecting = undefined;
  s.ready = undefined;
  s.readyDbName = undefined;
  await client?.close();
}
