/**
 * Which database db:export / db:import talk to: `--uri`/`--db`, else MONGODB_URI/MONGODB_DB
 * (from the environment or .env.local, as the app reads them), else the embedded development
 * database that `npm run dev` keeps in `.data/db` (opened here, so stop `npm run dev` first).
 */
import { join, resolve } from "node:path";
import { loadEnvConfig } from "@next/env";
import { MongoClient, type Db } from "mongodb";
import { startEmbeddedMongo, type EmbeddedMongo } from "@/tools/embedded-mongo";

export interface Target {
  db: Db;
  /** Where the data is, for messages (never includes credentials). */
  description: string;
  close(): Promise<void>;
}

function withoutCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, "//***@");
}

export async function openTarget(options: { uri?: string; db?: string }): Promise<Target> {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const name = options.db ?? process.env.MONGODB_DB ?? "chatcraft";
  let uri = options.uri ?? process.env.MONGODB_URI;
  let embedded: EmbeddedMongo | undefined;
  let description: string;
  if (uri) {
    description = `${withoutCredentials(uri)} database "${name}"`;
  } else {
    const dbPath = join(resolve(process.env.CHATCRAFT_DATA_DIR ?? ".data"), "db");
    embedded = await startEmbeddedMongo({ dbPath, quiet: true });
    uri = embedded.uri;
    description = `the embedded development database in ${dbPath} ("${name}")`;
  }
  const client = new MongoClient(uri, { appName: "chatcraft-db-tools", serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    db: client.db(name),
    description,
    close: async () => {
      await client.close();
      await embedded?.stop();
    },
  };
}
