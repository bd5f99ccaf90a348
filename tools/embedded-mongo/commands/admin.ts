/** Handshake, server information and session bookkeeping commands. */
import { Long } from "bson";
import type { Doc } from "../doc-paths";
import { LOGICAL_SESSION_TIMEOUT_MINUTES } from "../replication/sessions";
import type { CommandHandler } from "./context";

export const SERVER_VERSION = "7.0.0";
export const MAX_WIRE_VERSION = 21;

function hello(cmd: Doc, ctx: Parameters<CommandHandler>[1]): Doc {
  // A single-node replica set's primary, so the driver uses sessions, transactions and change
  // streams as on Atlas. No topologyVersion: it would switch the driver's monitor to awaitable
  // (long-polling) hello, which this server does not implement.
  const repl = ctx.repl;
  const lastWriteTs = repl.clock.now();
  const lastWriteDate = new Date(lastWriteTs.high * 1000);
  const opTime = { ts: lastWriteTs, t: Long.fromNumber(1) };
  return {
    ...(cmd.helloOk ? { helloOk: true } : {}),
    ismaster: true,
    isWritablePrimary: true,
    secondary: false,
    setName: repl.name,
    setVersion: 1,
    hosts: [repl.address],
    primary: repl.address,
    me: repl.address,
    lastWrite: { opTime, lastWriteDate, majorityOpTime: opTime, majorityWriteDate: lastWriteDate },
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: LOGICAL_SESSION_TIMEOUT_MINUTES,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

function buildInfo(): Doc {
  return {
    version: SERVER_VERSION,
    gitVersion: "embedded-mongo",
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ["embedded-log"],
    javascriptEngine: "none",
    modules: [],
    ok: 1,
  };
}

export const adminCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter: (cmd) => {
    const out: Doc = { ok: 1 };
    if (cmd.featureCompatibilityVersion || cmd.getParameter === "*") out.featureCompatibilityVersion = { version: "7.0" };
    return out;
  },
  getCmdLineOpts: () => ({ argv: ["embedded-mongo"], parsed: {}, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  serverStatus: (_cmd, ctx) => ({
    host: "127.0.0.1",
    version: SERVER_VERSION,
    process: "embedded-mongo",
    pid: process.pid,
    uptime: Math.floor((Date.now() - ctx.startedAt.getTime()) / 1000),
    localTime: new Date(),
    mem: { resident: Math.round(process.memoryUsage().rss / 1024 / 1024) },
    ok: 1,
  }),
  hostInfo: () => ({ system: { hostname: "127.0.0.1" }, ok: 1 }),
  whatsmyuri: () => ({ you: "127.0.0.1", ok: 1 }),
  endSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  startSession: () => ({ ok: 1 }),
  logout: () => ({ ok: 1 }),
  getLastError: () => ({ n: 0, err: null, ok: 1 }),
  getFreeMonitoringStatus: () => ({ state: "disabled", ok: 1 }),
};
