/**
 * For specs that start their own `next start` (live-instances, workers) on their own embedded
 * database: the environment such an app needs, and how to stop what was started.
 */
import type { ChildProcess } from "node:child_process";
import { fakeGeminiUrl } from "./gemini-control";

export function appEnv(databasePort: number): Record<string, string> {
  return {
    MONGODB_URI: `mongodb://127.0.0.1:${databasePort}`,
    AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    TEST_BCRYPT_COST: "4",
    LOG_LEVEL: "warn",
    SIGN_UP_LIMIT_PER_HOUR: "10000",
    GEMINI_API_KEY: "e2e-fake-key",
    GEMINI_BASE_URL: fakeGeminiUrl(),
    GEMINI_MODEL: "gemini-e2e-flash",
  };
}

/** Kills a child started with `detached: true` and everything it spawned. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone (e.g. the instance a test killed on purpose).
  }
}
