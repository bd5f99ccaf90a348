/**
 * getMore and killCursors for change-stream cursors (they live in the replica set's stream
 * registry); every other cursor id goes on to the ordinary cursor commands.
 */
import { Long } from "bson";
import type { Doc } from "../doc-paths";
import { asNumber, collectionName, type CommandHandler } from "../commands/context";
import { crudCommands } from "../commands/crud";
import { MongoError } from "../errors";

/** Fields every command may carry besides its own. */
const ENVELOPE = new Set(["lsid", "$db", "$clusterTime", "txnNumber", "apiVersion", "apiStrict", "apiDeprecationErrors", "comment", "$readPreference"]);

const getMore: CommandHandler = (cmd, ctx) => {
  const id = BigInt(String(cmd.getMore));
  if (!ctx.repl.streams.has(id)) return crudCommands.getMore!(cmd, ctx);
  const batchSize = cmd.batchSize === undefined ? undefined : asNumber(cmd.batchSize, 0);
  const maxTimeMS = cmd.maxTimeMS === undefined ? undefined : asNumber(cmd.maxTimeMS, 0);
  return ctx.repl.streams.getMore(id, `${ctx.db}.${collectionName(cmd, "collection")}`, batchSize, maxTimeMS);
};

const killCursors: CommandHandler = async (cmd, ctx) => {
  const ids = (cmd.cursors ?? []) as unknown[];
  const streamIds = ids.filter((raw) => ctx.repl.streams.kill(BigInt(String(raw))));
  const rest = ids.filter((raw) => !streamIds.includes(raw));
  const reply = (await crudCommands.killCursors!({ ...cmd, cursors: rest }, ctx)) as Doc & { cursorsKilled: Long[] };
  return { ...reply, cursorsKilled: [...streamIds.map((raw) => Long.fromBigInt(BigInt(String(raw)))), ...reply.cursorsKilled] };
};

/** Only the transaction lifetime limit can be set (the conformance tests shorten it). */
const setParameter: CommandHandler = (cmd, ctx) => {
  const names = Object.keys(cmd).filter((key) => key !== "setParameter" && !ENVELOPE.has(key));
  if (names.length !== 1 || names[0] !== "transactionLifetimeLimitSeconds") {
    throw new MongoError(115, `setParameter of ${names.join(", ") || "nothing"} is not supported by the embedded development server`);
  }
  const seconds = cmd.transactionLifetimeLimitSeconds;
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1) {
    throw new MongoError(2, `Bad value for parameter "transactionLifetimeLimitSeconds": ${String(seconds)} is not greater than or equal to 1`);
  }
  const was = ctx.repl.sessions.lifetimeLimitSeconds;
  ctx.repl.sessions.lifetimeLimitSeconds = seconds;
  return { was, ok: 1 };
};

export const replicationCommands: Record<string, CommandHandler> = {
  getMore,
  killCursors,
  setParameter,
  commitTransaction: (cmd, ctx) => ctx.repl.sessions.finish("commitTransaction", cmd),
  abortTransaction: (cmd, ctx) => ctx.repl.sessions.finish("abortTransaction", cmd),
  endSessions: (cmd, ctx) => {
    ctx.repl.sessions.end((cmd.endSessions ?? []) as Doc[]);
    return { ok: 1 };
  },
};
