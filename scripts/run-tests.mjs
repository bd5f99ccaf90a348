/**
 * `npm test`: every suite, then one plain totals line for CI.
 * 1. vitest (unit + integration, against the embedded server unless MONGODB_URI is set)
 * 2. Playwright e2e in Chromium against a production build (`next build`, then `next start`
 *    with the embedded database, started by playwright.config.ts on its own port).
 * 3. The dev-server smoke test: `npm run dev` on a free port, in Chromium at 127.0.0.1
 *    (playwright.dev.config.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { ensureChromium } from "./ensure-chromium.mjs";

const RESULTS = "test-results";
const VITEST_JSON = `${RESULTS}/vitest.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;
const DEV_JSON = `${RESULTS}/e2e-dev.json`;

function step(title, cmd, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestTotals() {
  const report = readJson(VITEST_JSON);
  if (!report) return { passed: 0, failed: 1 };
  const failedSuites = report.testResults?.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length ?? 0;
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedSuites };
}

/** A port nobody listens on right now, for the dev server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function playwrightTotals(file) {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1 };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
  const loadErrors = report.errors?.length ?? 0;
  return { passed: expected + flaky, failed: unexpected + loadErrors };
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const vitestStatus = step("Unit and integration tests (vitest)", "npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`,
]);
const unit = vitestTotals();
if (vitestStatus !== 0 && unit.failed === 0) unit.failed = 1;

let e2e = { passed: 0, failed: 0 };
const chromium = ensureChromium();
const buildStatus = step("Production build for e2e (next build)", "npx", ["next", "build"]);
if (buildStatus !== 0) {
  e2e.failed = 1;
  console.error("next build failed: e2e tests not run");
} else {
  const e2eStatus = step("End-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test"], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_JSON,
  });
  e2e = playwrightTotals(E2E_JSON);
  if (e2eStatus !== 0 && e2e.failed === 0) e2e.failed = 1;
}

const devPort = process.env.E2E_DEV_PORT ?? String(await freePort());
const devStatus = step(`Dev-server smoke test (npm run dev on port ${devPort}, Chromium at 127.0.0.1)`, "npx", ["playwright", "test", "-c", "playwright.dev.config.ts"], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: DEV_JSON,
  E2E_DEV_PORT: devPort,
});
const dev = playwrightTotals(DEV_JSON);
if (devStatus !== 0 && dev.failed === 0) dev.failed = 1;

const passed = unit.passed + e2e.passed + dev.passed;
const failed = unit.failed + e2e.failed + dev.failed;
console.log(
  `\nvitest: ${unit.passed} passed, ${unit.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed` +
    ` · dev server: ${dev.passed} passed, ${dev.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
