/** A bounded database ping for health checks: answers within `timeoutMs`, never hangs. */
import "server-only";
import { getDb } from "@/lib/server/infra/db/client";

export interface PingResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export async function pingDatabase(timeoutMs = 1500): Promise<PingResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getDb().then((db) => db.command({ ping: 1 })), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
