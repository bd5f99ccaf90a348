/**
 * Structured JSON logs (pino). One root logger per process, created on first use so LOG_LEVEL
 * is read lazily. Inside a request (lib/server/infra/request-context.ts) every line carries its `requestId`,
 * so all lines one request caused — including a stream's, after the response started — join up.
 * Secrets and users' details are redacted before a line is written.
 */
import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { getEnv } from "@/lib/server/infra/env";
import { currentRequestId } from "@/lib/server/infra/request-context";

export type { Logger } from "pino";
export { requestIdFrom } from "@/lib/server/infra/request-context";

/** Keys that must never reach a log, wherever they appear in the first three levels of a line. */
const SECRET_KEYS = [
  "password", "passwordHash", "newPassword", "currentPassword", "token", "accessToken", "refreshToken",
  "apiKey", "secret", "authorization", "cookie", "set-cookie",
  // Users' details: who they are and what they filled into a role's form. ("name" is not here:
  // pino's own logger name and error names use it.)
  "email", "username", "displayName", "details",
];

/** Each key at the top, and under one or two parents (e.g. `req.headers.cookie`, `user.email`). */
export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((key) => {
  const property = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [property.replace(/^\./, ""), `*${property}`, `*.*${property}`];
});

function levelFromEnv(): string {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    // A broken environment must still be loggable; the env error itself is reported elsewhere.
    return process.env.LOG_LEVEL ?? "info";
  }
}

/** A logger with the app's settings; `destination` is for tests (default: stdout). */
export function createLogger(destination?: DestinationStream, level = levelFromEnv()): Logger {
  return pino(
    {
      name: "chatcraft",
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

let root: Logger | undefined;

export function logger(): Logger {
  root ??= createLogger();
  return root;
}

/** Replaces the process's logger (tests capture lines with `createLogger(stream)`); undefined restores the default. */
export function setRootLogger(next: Logger | undefined): void {
  root = next;
}
