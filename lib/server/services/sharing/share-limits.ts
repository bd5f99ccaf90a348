/** Share pages are public: each client address may open this many per minute (any token, valid or not). */
import "server-only";
import type { RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { hitRateLimit } from "@/lib/server/services/limits/rate-limit";
import { countRateLimitRefusal } from "@/lib/server/infra/metrics";

export const SHARE_PAGE_PER_CLIENT: RateLimitRule = { name: "share:page:client", limit: 60, windowS: 60 };

/** Seconds to wait when the client is over its budget, or 0. */
export async function sharePageWait(client: string): Promise<number> {
  const result = await hitRateLimit(SHARE_PAGE_PER_CLIENT, client);
  if (result.allowed) return 0;
  countRateLimitRefusal(SHARE_PAGE_PER_CLIENT.name);
  return result.retryAfterSeconds;
}
