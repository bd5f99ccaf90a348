/** renameCollection (on admin): within or across databases, with dropTarget. */
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { CommandHandler } from "./context";

function namespace(value: unknown, field: string): { db: string; coll: string } {
  const dot = typeof value === "string" ? value.indexOf(".") : -1;
  if (typeof value !== "string" || dot <= 0 || dot === value.length - 1) {
    throw new MongoError(73, `Invalid ${field} namespace: ${String(value)}`);
  }
  return { db: value.slice(0, dot), coll: value.slice(dot + 1) };
}

const renameCollection: CommandHandler = (cmd: Doc, ctx) => {
  if (ctx.db !== "admin") throw new MongoError(13, "renameCollection may only be run against the admin database.");
  const from = namespace(cmd.renameCollection, "source");
  const to = namespace(cmd.to, "target");
  if (!ctx.store.collection(from.db, from.coll)) throw new MongoError(26, `Source collection ${from.db}.${from.coll} does not exist`);
  if (from.db === to.db && from.coll === to.coll) throw new MongoError(20, "Can't rename a collection to itself");
  if (ctx.store.collection(to.db, to.coll)) {
    if (cmd.dropTarget !== true) throw new MongoError(48, "target namespace exists");
    ctx.store.dropCollection(to.db, to.coll);
  }
  ctx.store.renameCollection(from, to);
  return { ok: 1 };
};

export const renameCommands: Record<string, CommandHandler> = { renameCollection };
