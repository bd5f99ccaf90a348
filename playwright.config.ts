import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A second app with no GEMINI_API_KEY, so the demo model is tested in the browser too.
const DEMO_PORT = PORT + 1;
const demoBaseURL = `http://127.0.0.1:${DEMO_PORT}`;
// The main app talks to the real @google/genai SDK, pointed at the fake Gemini server.
const FAKE_GEMINI_PORT = Number(process.env.E2E_FAKE_GEMINI_PORT ?? 4410);
const fakeGeminiURL = `http://127.0.0.1:${FAKE_GEMINI_PORT}`;
// Specs script the fake over HTTP (e2e/gemini-control.ts); workers inherit this.
process.env.FAKE_GEMINI_URL = fakeGeminiURL;
// The main app's embedded database listens on a known port, so a spec can seed data a person
// could not type in a test's time (e2e/long-conversation.spec.ts: 1,000 messages) straight
// through the driver. Test-only: nothing in the app or its production build takes part.
const DB_PORT = Number(process.env.E2E_DB_PORT ?? PORT + 2);
process.env.E2E_DB_URI = `mongodb://127.0.0.1:${DB_PORT}`;
const DEMO_DB_PORT = Number(process.env.E2E_DEMO_DB_PORT ?? PORT + 3);
process.env.E2E_DEMO_DB_URI = `mongodb://127.0.0.1:${DEMO_DB_PORT}`;

const appEnv = {
  CHATCRAFT_EMBEDDED_DB: "memory",
  AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  TEST_BCRYPT_COST: "4",
  LOG_LEVEL: "warn",
  // The suite signs up a user per test from one address; production keeps the tight default (5/hour).
  SIGN_UP_LIMIT_PER_HOUR: "10000",
};

/** A production build (run `next build` first; `npm test` does) on its own in-memory embedded DB. */
function appServer(port: number, env: Record<string, string>) {
  return {
    command: `npx tsx scripts/launch.ts start --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: { ...appEnv, ...env },
  };
}

// Debian's Chromium when present (Playwright cannot download its own browser here);
// `npm test` finds or installs one and passes it as CHROMIUM_PATH.
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /demo\.spec\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "demo", testMatch: /demo\.spec\.ts$/, use: { ...devices["Desktop Chrome"], baseURL: demoBaseURL } },
  ],
  webServer: [
    {
      command: `npx tsx tests/fake-gemini/cli.ts --port ${FAKE_GEMINI_PORT} --host 127.0.0.1`,
      url: `${fakeGeminiURL}/__requests`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    // Empty variables count as unset (lib/server/infra/env.ts), which is how the demo app has no key.
    appServer(PORT, {
      GEMINI_API_KEY: "e2e-fake-key",
      GEMINI_BASE_URL: fakeGeminiURL,
      GEMINI_MODEL: "gemini-e2e-flash",
      // e2e/observability.spec.ts scrapes /api/metrics with it.
      METRICS_TOKEN: "e2e-metrics-token-0123456789",
      CHATCRAFT_EMBEDDED_DB_PORT: String(DB_PORT),
    }),
    // Its database port is fixed too, so e2e/attachments-demo.spec.ts can check deletions through the driver.
    appServer(DEMO_PORT, { GEMINI_API_KEY: "", GEMINI_BASE_URL: "", GEMINI_MODEL: "", CHATCRAFT_EMBEDDED_DB_PORT: String(DEMO_DB_PORT) }),
  ],
});
