/**
 * A small MongoDB-compatible server for tests and zero-setup development — NOT for production.
 * It speaks the wire protocol the official driver uses; see README.md for what it supports.
 */
import { CursorRegistry, DEFAULT_CURSOR_TIMEOUT_MS } from "./cursors";
import { registerCommands } from "./dispatch";
import { aggregateCommands } from "./commands/aggregate";
import { updateCommands } from "./commands/update";
import { explainCommands } from "./commands/explain";
import { Persistence } from "./persistence";
import { replicationCommands } from "./replication/commands";
import { ReplicaSet } from "./replication/replica-set";
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
  /** Bound on the in-memory oplog change streams read (default 64 MiB); older events fall off. */
  oplogSizeBytes?: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

registerCommands({ ...aggregateCommands, ...updateCommands, ...explainCommands, ...replicationCommands });

const TTL_SWEEP_MS = 1000;

export async function startEmbeddedMongo(opts: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const quiet = opts.quiet ?? false;
  const host = opts.host ?? "127.0.0.1";
  const store = new Store(quiet);
  const persistence = opts.dbPath ? await Persistence.open(opts.dbPath, store, quiet) : undefined;
  const cursors = new CursorRegistry(opts.cursorTimeoutMs);
  const repl = new ReplicaSet({ oplogSizeBytes: opts.oplogSizeBytes, cursorTimeoutMs: opts.cursorTimeoutMs ?? DEFAULT_CURSOR_TIMEOUT_MS });
  repl.attach(store);
  const server = new WireServer({
    context: { store, cursors, quiet, startedAt: new Date(), repl },
    afterCommand: (waitForSync) => persistence?.afterCommand(waitForSync),
  });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0, host);
    repl.setListening(host, port);
  } catch (error) {
    cursors.close();
    repl.close();
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
        repl.close();
        await server.close();
        cursors.close();
        await persistence?.close();
      })();
      return stopped;
    },
  };
}
