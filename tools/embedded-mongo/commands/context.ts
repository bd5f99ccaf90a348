/** What every command handler receives, and the handler signature. */
import { assertCollationSupported, assertCollationSupportedInUpdate, parseCollation } from "../collation";
import type { CursorRegistry } from "../cursors";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { evaluateLet, type ExecOptions } from "../mingo-context";
import type { ReplicaSet } from "../replication/replica-set";
import type { Store } from "../store";

export interface CommandContext {
  store: Store;
  cursors: CursorRegistry;
  /** Database the command runs against (`$db`). */
  db: string;
  connectionId: number;
  quiet: boolean;
  startedAt: Date;
  /** This server as replica set "rs0": clock, oplog, sessions. */
  repl: ReplicaSet;
}

export type CommandHandler = (cmd: Doc, ctx: CommandContext) => Doc | Promise<Doc>;

/** Reads the collection name a command addresses (`{find: "coll"}`), as a string. */
export function collectionName(cmd: Doc, key: string): string {
  const name = cmd[key];
  if (typeof name !== "string" || name === "") {
    throw Object.assign(new Error(`collection name must be a non-empty string, not ${JSON.stringify(name)}`), { code: 73 });
  }
  return name;
}

export function asNumber(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/**
 * A command's collation and `let` variables (`constants` are an update statement's `c`, which
 * adds to `let`). Refuses (code 115) a filter/update/pipeline that uses an operator this server
 * does not run under a collation.
 */
export function execOptions(source: { collation?: unknown; let?: unknown; constants?: unknown; uses?: unknown[]; update?: unknown }): ExecOptions {
  const collation = parseCollation(source.collation);
  assertCollationSupported(collation, ...(source.uses ?? []), source.update);
  assertCollationSupportedInUpdate(collation, source.update);
  const variables = evaluateLet(source.constants, evaluateLet(source.let));
  return { collation, variables };
}

/** mongod 7.0 refuses fields it does not know, such as 8.0's update `sort` (code 40415). */
export function refuseUnknownField(value: unknown, path: string): void {
  if (value !== undefined) throw new MongoError(40415, `BSON field '${path}' is an unknown field.`);
}
