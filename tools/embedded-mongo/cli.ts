/**
 * `npm run db:embedded -- --port <n> --dbpath <dir>`: runs the embedded development/test server
 * until SIGINT or SIGTERM, then flushes the log and releases the dbPath lock.
 */
import { startEmbeddedMongo } from "./index";

interface CliOptions {
  port: number;
  dbPath?: string;
  host: string;
  /** mongod's --oplogSize, in megabytes: the bound on the in-memory oplog change streams read. */
  oplogSizeMb?: number;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--port") options.port = Number(value());
    else if (flag === "--dbpath" || flag === "--dbPath") options.dbPath = value();
    else if (flag === "--host" || flag === "--bind_ip") options.host = value() ?? options.host;
    else if (flag === "--oplogSize") options.oplogSizeMb = Number(value());
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: db:embedded [--port <n>] [--dbpath <dir>] [--host <addr>] [--oplogSize <MB>]");
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error("--port must be an integer 0-65535");
  if (options.oplogSizeMb !== undefined && !(options.oplogSizeMb > 0)) throw new Error("--oplogSize must be a positive number of megabytes");
  return options;
}

async function main(): Promise<void> {
  // A parent that stopped reading our output (closed pipe) must not crash the shutdown.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
  const options = parseArgs(process.argv.slice(2));
  console.log("embedded-mongo: a MongoDB-compatible server for development and tests only - NOT for production data.");
  const oplogSizeBytes = options.oplogSizeMb === undefined ? undefined : Math.round(options.oplogSizeMb * 1024 * 1024);
  const server = await startEmbeddedMongo({ port: options.port, host: options.host, dbPath: options.dbPath, quiet: false, oplogSizeBytes });
  console.log(`embedded-mongo ${options.dbPath ? `persisting to ${options.dbPath}` : "in memory (no --dbpath)"}`);
  console.log(`ready ${server.uri}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`embedded-mongo: ${signal} received, shutting down`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("embedded-mongo: shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`embedded-mongo: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
