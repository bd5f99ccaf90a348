/**
 * A small MongoDB-compatible server for tests and zero-setup development — NOT for production.
 * It speaks the wire protocol the official driver uses; see README.md for what it supports.
 */
import { CursorRegistry } from "./cursors";
import { registerCommands } from "./dispatch";
import { aggregateCommands } from "./commands/aggregate";
import { updateCommands } from "./commands/update";
import { explainCommands } from "./commands/explain";
import { Persistence } from "./persistence";
import { WireServer } from "./server";
import { Store } from "./store";
import { sweepExpired } from "./ttl";

export interface EmbeddedMongoOptions {
  port?: number;
  host?: string;
  dbPath?: string;
  quiet?: boolean;
  /** Idle cursors are reaped after this long (mongod's cursorTimeoutMillis; default 10 minutes). */
  cursorTimeoutMs?: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

registerCommands({ ...aggregateCommands, ...updateCommands, ...explainCommands });

const TTL_SWEEP_MS = 1000;

export async function startEmbeddedMongo(opts: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const quiet = opts.quiet ?? false;
  const host = opts.host ?? "127.0.0.1";
  const store = new Store(quiet);
  const persistence = opts.dbPath ? await Persistence.open(opts.dbPath, store, quiet) : undefined;
  const cursors = new CursorRegistry(opts.cursorTimeoutMs);
  const server = new WireServer({
    context: { store, cursors, quiet, startedAt: new Date() },
    afterCommand: (waitForSync) => persistence?.afterCommand(waitForSync),
  });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0, host);
  } catch (error) {
    cursors.close();
    await persistence?.close();
    throw error;
  }
  const ttl = setInterval(() => {
    try {
      sweepExpired(store);
    } catch (error) {
      if (!quiet) console.error("[embedded-mongo] TTL sweep failed:", error);
    }
  }, TTL_SWEEP_MS);
  ttl.unref();
  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    stop: () => {
      stopped ??= (async () => {
        clearInterval(ttl);
        await server.close();
        cursors.close();
        await persistence?.close();
      })();
      return stopped;
    },
  };
}
