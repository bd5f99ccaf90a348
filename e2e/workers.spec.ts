/**
 * `npm start` on every core (issue 23): two workers share one port; one scrape of /api/metrics
 * counts the requests both served; a worker that crashes is replaced while the other keeps
 * serving; and SIGTERM drains — the reply being streamed finishes, the live connection is closed
 * so the server can exit — with exit code 0 well inside the grace period (a worker still busy at
 * the end of it would be killed and the exit code would be 1).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { expect, makeUser, signUp, test } from "./fixtures";
import { scriptGemini, slowReply } from "./gemini-control";
import { appEnv, killGroup } from "./instances";

const PORT = 3540;
const DB_PORT = 3542;
const BASE = `http://127.0.0.1:${PORT}`;
const METRICS_TOKEN = "e2e-metrics-token-0123456789";

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(args: string[], env: Record<string, string>): Launched {
  // `node --import tsx` (not npx), so the signal and the exit code are the launcher's own.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

function servingPids(output: string): number[] {
  return [...output.matchAll(/Worker (\d+) serving\./g)].map((match) => Number(match[1]));
}

/** How many `GET /api/v1/openapi.json` the server counted (a public route the metrics time). */
async function servedCount(): Promise<number> {
  const response = await fetch(`${BASE}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const line = text.split("\n").find((row) => row.startsWith("chatcraft_http_request_duration_seconds_count") && row.includes('route="/api/v1/openapi.json"') && row.includes('status="200"'));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

async function healthy(): Promise<boolean> {
  return (await fetch(`${BASE}/api/health`).catch(() => null))?.ok === true;
}

test.describe.configure({ timeout: 300_000 });

test("npm start runs a worker per core on one port: metrics of all, a crashed worker replaced, SIGTERM drains", async ({ browser }) => {
  const database = launch(["tools/embedded-mongo/cli.ts", "--port", String(DB_PORT)], {});
  const app = launch(["scripts/launch.ts", "start", "--port", String(PORT), "--hostname", "127.0.0.1"], {
    WEB_CONCURRENCY: "2",
    CHATCRAFT_SHUTDOWN_GRACE_MS: "60000",
    ...appEnv(DB_PORT),
    METRICS_TOKEN,
  });
  try {
    await expect.poll(() => servingPids(app.output()).length, { message: "two workers serving", timeout: 120_000 }).toBe(2);
    await expect.poll(healthy, { timeout: 60_000 }).toBe(true);

    // Round-robin spreads these over both workers; the one scrape must count them all.
    const before = await servedCount();
    for (let i = 0; i < 40; i += 1) expect((await fetch(`${BASE}/api/v1/openapi.json`)).status).toBe(200);
    expect((await servedCount()) - before).toBe(40);

    // A worker crashes: a replacement starts, and the port keeps answering.
    const [victim] = servingPids(app.output());
    process.kill(victim!, "SIGKILL");
    await expect.poll(() => servingPids(app.output()).length, { message: "a replacement worker", timeout: 120_000 }).toBe(3);
    expect(app.output()).toContain(`Worker ${victim} died`);
    for (let i = 0; i < 20; i += 1) expect((await fetch(`${BASE}/api/health`)).status).toBe(200);

    // A reply streaming and a live connection open when the server is told to stop.
    const page = await (await browser.newContext({ baseURL: BASE })).newPage();
    await signUp(page, makeUser());
    await page.goto("/roles/chatcraft-guide");
    await page.getByRole("button", { name: "Start chat" }).click();
    await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
    const question = `Drain me (${test.info().testId})`;
    const words = Array.from({ length: 8 }, (_, i) => `drain${i + 1} `);
    await scriptGemini(slowReply(question, words, 400));
    await page.getByLabel("Message", { exact: true }).fill(question);
    await page.getByLabel("Message", { exact: true }).press("Enter");
    const reply = page.getByTestId("ai-message").last();
    await expect(reply).toContainText("drain2");

    app.child.kill("SIGTERM");
    await expect(reply).toContainText("drain8");
    expect(await app.exited, app.output()).toBe(0);
  } finally {
    killGroup(app.child);
    killGroup(database.child);
  }
});
