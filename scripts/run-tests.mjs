/**
 * `npm test`: every suite, then one plain totals line for CI.
 * 1. vitest (unit + integration, against the embedded server unless MONGODB_URI is set)
 * 2. Playwright e2e in Chromium against a production build (`next build`, then `next start`
 *    with the embedded database, started by playwright.config.ts on its own port).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const RESULTS = "test-results";
const VITEST_JSON = `${RESULTS}/vitest.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;

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

function e2eTotals() {
  const report = readJson(E2E_JSON);
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
  e2e = e2eTotals();
  if (e2eStatus !== 0 && e2e.failed === 0) e2e.failed = 1;
}

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nvitest: ${unit.passed} passed, ${unit.failed} failed · e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
