/**
 * Runs once when a Next.js server starts: validates the environment and creates every
 * collection's validator and indexes before the first request, so a bad configuration or an
 * index that cannot be built stops start-up with a clear message instead of surfacing later.
 * `onRequestError` logs what no handler caught, under the request's id.
 */
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: per-client limits must see the socket address, not a header.
  const { installPeerAddressHeader } = await import("@/lib/server/infra/http/peer-address-hook");
  installPeerAddressHeader();
  // `next build` loads this file too; the database is only needed by a running server.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { getEnv } = await import("@/lib/server/infra/env");
  const { ensureAllModels } = await import("@/models");
  const { logger } = await import("@/lib/server/infra/log");
  const env = getEnv();
  const started = Date.now();
  try {
    const db = await ensureAllModels();
    const { requireReplicaSet } = await import("@/lib/server/infra/db/topology");
    await requireReplicaSet(db);
    // Every instance sweeps: a reply whose instance died is marked interrupted without any operator.
    const { startSweeper } = await import("@/lib/server/services/live/sweeper");
    startSweeper();
    // Uploads never sent with a message expire (lib/server/services/attachments/expiry.ts).
    const { startUploadSweeper } = await import("@/lib/server/services/attachments/expiry");
    startUploadSweeper();
    await prepareForWorkers();
    logger().info({ db: env.MONGODB_DB, kind: env.CHATCRAFT_DB_KIND, ms: Date.now() - started }, "database ready: validators and indexes ensured");
  } catch (error) {
    logger().fatal({ err: error }, "database start-up failed");
    throw error;
  }
}

/**
 * For `npm start`'s workers (scripts/launch-cluster.ts), harmless in a single process:
 * - this process answers the primary when a scrape on another worker asks for every worker's metrics;
 * - on SIGTERM/SIGINT Next.js stops accepting and waits for open requests, and a live stream never
 *   ends by itself, so the live streams are closed and new ones refused (their browsers reconnect,
 *   to another worker or instance, and resume by Last-Event-ID) while replies in flight finish.
 */
async function prepareForWorkers(): Promise<void> {
  const { installMetricsResponder } = await import("@/lib/server/infra/cluster-metrics");
  installMetricsResponder();
  const { closeLiveHub } = await import("@/lib/server/services/live/hub");
  const { startDraining } = await import("@/lib/server/infra/shutdown");
  const drain = () => {
    startDraining();
    void closeLiveHub();
  };
  process.once("SIGTERM", drain);
  process.once("SIGINT", drain);
}

/**
 * Errors Next.js caught while rendering a page, running a server action or a route handler
 * (withApiErrors catches its own first). Logged with the id proxy.ts gave the request — the
 * same id the client saw in `x-request-id` — and counted as `internal` for metrics.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/server/infra/log");
  const { countAppError } = await import("@/lib/server/infra/metrics");
  const requestId = request.headers["x-request-id"];
  countAppError("internal");
  logger().error(
    { err: error, requestId: typeof requestId === "string" ? requestId : undefined, method: request.method, route: context.routePath, routeType: context.routeType },
    "unhandled error",
  );
};
