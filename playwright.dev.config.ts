/**
 * The dev-server smoke test: the README's own command (`npm run dev`) on a free port, opened in
 * Chromium at 127.0.0.1 — an address the dev server does not print, so it proves the dev origins
 * are allowed (pages hydrate) and that no page reloads itself. `npm test` runs it after the e2e
 * suite and passes E2E_DEV_PORT; by hand: `E2E_DEV_PORT=3300 npx playwright test -c playwright.dev.config.ts`.
 */
import { defineConfig, devices } from "@playwright/test";
import baseConfig from "./playwright.config";

const PORT = Number(process.env.E2E_DEV_PORT ?? 3300);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e-dev",
  outputDir: "test-results/e2e-dev-artifacts",
  // The first request of each page compiles it: 30–40 s a page on a busy 2-core machine.
  timeout: 420_000,
  expect: { timeout: 90_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json"]],
  use: { ...baseConfig.use, baseURL },
  projects: [{ name: "dev-server", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // No --hostname: a person runs `npm run dev` and the server answers on every interface.
    command: `npm run dev -- --port ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      CHATCRAFT_EMBEDDED_DB: "memory",
      AUTH_SECRET: "e2e-dev-only-secret-not-for-production-0123",
      TEST_BCRYPT_COST: "4",
      LOG_LEVEL: "warn",
      // No key: the demo model answers, so the test needs no network.
      GEMINI_API_KEY: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
