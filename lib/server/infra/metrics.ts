/**
 * Prometheus metrics (prom-client). One registry per process, kept on globalThis: Next.js loads
 * modules more than once (instrumentation, each route bundle), and a second registry would
 * split the counts and fail on duplicate metric names. `GET /api/metrics` renders it.
 *
 * Label values are bounded: routes are normalised (ids become ":id"), MongoDB collections are
 * the app's own, error codes come from AppError. Nothing user-supplied becomes a label.
 */
import type { ErrorCode } from "@/lib/shared/errors";
import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const SECONDS_FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SECONDS_AI = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "chatcraft_http_request_duration_seconds",
      help: "Time from request to response headers, by route handler and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: SECONDS_FAST,
      registers: [registry],
    }),
    errors: new Counter({
      name: "chatcraft_errors_total",
      help: "Requests and server actions refused or failed, by AppError code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: "chatcraft_rate_limit_refusals_total",
      help: "Attempts refused by a rate limit, by limit name.",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    aiFirstToken: new Histogram({
      name: "chatcraft_ai_time_to_first_token_seconds",
      help: "Time from calling the model to its first text.",
      labelNames: ["model"] as const,
      buckets: SECONDS_AI,
      registers: [registry],
    }),
    aiReplyDuration: new Histogram({
      name: "chatcraft_ai_reply_duration_seconds",
      help: "Time from calling the model to the reply's end, by outcome.",
      labelNames: ["model", "outcome"] as const,
      buckets: SECONDS_AI,
      registers: [registry],
    }),
    aiReplies: new Counter({
      name: "chatcraft_ai_replies_total",
      help: "Replies by outcome: complete, stopped, or the AI error code.",
      labelNames: ["model", "outcome"] as const,
      registers: [registry],
    }),
    aiTokens: new Counter({
      name: "chatcraft_ai_tokens_total",
      help: "Tokens the model reported, in (prompt) and out (reply).",
      labelNames: ["model", "direction"] as const,
      registers: [registry],
    }),
    aiActiveStreams: new Gauge({
      name: "chatcraft_ai_active_streams",
      help: "Replies being streamed right now.",
      registers: [registry],
    }),
    mongoCommandDuration: new Histogram({
      name: "chatcraft_mongodb_command_duration_seconds",
      help: "MongoDB command round trips (driver command monitoring), by command, collection and outcome.",
      labelNames: ["command", "collection", "outcome"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    mongoPoolCheckouts: new Counter({
      name: "chatcraft_mongodb_pool_checkouts_total",
      help: "Connections checked out of the driver's pool, by outcome (ok, or the failure reason).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const metricsKey = Symbol.for("chatcraft.metrics");
type GlobalWithMetrics = typeof globalThis & { [metricsKey]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as GlobalWithMetrics;
  g[metricsKey] ??= createMetrics();
  return g[metricsKey];
}

const ID_SEGMENT = /^(?:[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/** `/api/chat/6650…/reply` → `/api/chat/:id/reply`, so each route is one series, not one per id. */
export function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

export function observeHttpRequest(method: string, pathname: string, status: number, seconds: number): void {
  metrics().httpDuration.observe({ method, route: routeLabel(pathname), status: String(status) }, seconds);
}

/** Counts one refused or failed request, action or reply stream by its code. */
export function countAppError(code: ErrorCode): void {
  metrics().errors.inc({ code });
}

/** Counts one attempt a rate limit refused, by the limit's name (e.g. "auth:password:user"). */
export function countRateLimitRefusal(limit: string): void {
  metrics().rateLimitRefusals.inc({ limit });
}

export interface AiReplyTimer {
  /** The model produced its first text. */
  firstToken(): void;
  /** The reply ended; call once. */
  end(outcome: string, usage?: { inputTokens?: number; outputTokens?: number }): void;
}

/** Starts timing one model reply and counts it as an active stream until `end`. */
export function startAiReply(model: string): AiReplyTimer {
  const m = metrics();
  const started = performance.now();
  let firstSeen = false;
  let ended = false;
  m.aiActiveStreams.inc();
  return {
    firstToken() {
      if (firstSeen) return;
      firstSeen = true;
      m.aiFirstToken.observe({ model }, (performance.now() - started) / 1000);
    },
    end(outcome, usage) {
      if (ended) return;
      ended = true;
      m.aiActiveStreams.dec();
      m.aiReplyDuration.observe({ model, outcome }, (performance.now() - started) / 1000);
      m.aiReplies.inc({ model, outcome });
      if (usage?.inputTokens) m.aiTokens.inc({ model, direction: "in" }, usage.inputTokens);
      if (usage?.outputTokens) m.aiTokens.inc({ model, direction: "out" }, usage.outputTokens);
    },
  };
}
