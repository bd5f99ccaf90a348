/**
 * GET /api/metrics — Prometheus text format, for a scraper holding METRICS_TOKEN.
 * With METRICS_TOKEN unset the endpoint does not exist (404): nothing to guess at, nothing
 * leaked. With it set, any other caller gets 401 problem+json. The token is compared in
 * constant time (both sides hashed first, so their lengths do not leak either). Under `npm start`'s
 * workers the answer covers all of them (lib/server/infra/cluster-metrics.ts).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import { withApiErrors } from "@/lib/server/infra/http/handler";
import { metrics } from "@/lib/server/infra/metrics";
import { serverMetricsText } from "@/lib/server/infra/cluster-metrics";

export const dynamic = "force-dynamic";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function presentedToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) throw new AppError("not_found", "There is nothing here.");
  const given = presentedToken(request);
  if (!given || !timingSafeEqual(digest(given), digest(expected))) {
    throw new AppError("unauthorized:metrics", "Present the metrics token as `Authorization: Bearer <token>`.");
  }
  return new Response(await serverMetricsText(), {
    status: 200,
    headers: { "content-type": metrics().registry.contentType, "cache-control": "no-store" },
  });
});
