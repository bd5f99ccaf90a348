/**
 * Runs once when a Next.js server starts: validates the environment and creates every
 * collection's validator and indexes before the first request, so a bad configuration or an
 * index that cannot be built stops start-up with a clear message instead of surfacing later.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: per-client limits must see the socket address, not a header.
  const { installPeerAddressHeader } = await import("@/lib/http/peer-address-hook");
  installPeerAddressHeader();
  // `next build` loads this file too; the database is only needed by a running server.
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { getEnv } = await import("@/lib/env");
  const { ensureAllModels } = await import("@/models");
  const { logger } = await import("@/lib/log");
  const env = getEnv();
  const started = Date.now();
  try {
    await ensureAllModels();
    logger().info({ db: env.MONGODB_DB, kind: env.CHATCRAFT_DB_KIND, ms: Date.now() - started }, "database ready: validators and indexes ensured");
  } catch (error) {
    logger().fatal({ err: error }, "database start-up failed");
    throw error;
  }
}
