/**
 * Structured JSON logs (pino). One root logger per process, created on first use so LOG_LEVEL
 * is read lazily; `requestLogger()` binds a request id so lines of one request can be joined.
 */
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";

export type { Logger } from "pino";

let root: Logger | undefined;

function levelFromEnv(): string {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    // A broken environment must still be loggable; the env error itself is reported elsewhere.
    return process.env.LOG_LEVEL ?? "info";
  }
}

export function logger(): Logger {
  root ??= pino({
    name: "chatcraft",
    level: levelFromEnv(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], censor: "[redacted]" },
  });
  return root;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id when it looks sane, otherwise a fresh one. */
export function requestIdFrom(headers?: Headers | null): string {
  const given = headers?.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestLogger(requestId: string): Logger {
  return logger().child({ requestId });
}
