/** GET /api/health — liveness plus a bounded database ping; 503 "degraded" when the DB is slow or down. */
import packageJson from "@/package.json";
import { pingDatabase } from "@/lib/server/infra/db/ping";
import { logger } from "@/lib/server/infra/log";

export const dynamic = "force-dynamic";

export interface HealthBody {
  status: "ok" | "degraded";
  db: { ok: boolean; latencyMs: number };
  version: string;
  uptimeS: number;
}

export async function GET(): Promise<Response> {
  const ping = await pingDatabase(1500);
  if (!ping.ok) logger().warn({ error: ping.error }, "health: database did not answer");
  const body: HealthBody = {
    status: ping.ok ? "ok" : "degraded",
    db: { ok: ping.ok, latencyMs: ping.latencyMs },
    version: packageJson.version,
    uptimeS: Math.round(process.uptime()),
  };
  return Response.json(body, { status: ping.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
