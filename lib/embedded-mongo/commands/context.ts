/** What every command handler receives, and the handler signature. */
import type { CursorRegistry } from "../cursors";
import type { Doc } from "../doc-paths";
import type { Store } from "../store";

export interface CommandContext {
  store: Store;
  cursors: CursorRegistry;
  /** Database the command runs against (`$db`). */
  db: string;
  connectionId: number;
  quiet: boolean;
  startedAt: Date;
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
