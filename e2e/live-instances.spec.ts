/**
 * Two `next start` instances on one database (issue 18): tab A on instance 1, tab B on instance
 * 2. A reply streamed by instance 1 appears live on instance 2; killing instance 1 mid-reply gets
 * the reply marked interrupted (by instance 2's sweeper) and Retry on instance 2 answers it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, makeUser, signIn, signUp, test } from "./fixtures";
import { scriptGemini, slowReply } from "./gemini-control";
import { appEnv, killGroup } from "./instances";

const DB_PORT = 3532;
const PORTS = [3530, 3531] as const;
const url = (port: number) => `http://127.0.0.1:${port}`;

function start(args: string[], env: Record<string, string>): ChildProcess {
  // Its own process group, so one kill stops it and everything it spawned.
  return spawn("npx", args, { detached: true, stdio: "ignore", env: { ...process.env, ...env } });
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await expect.poll(check, { message: what, timeout: 120_000, intervals: [500] }).toBe(true);
}

const healthy = (base: string) => async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true;

test.describe.configure({ timeout: 300_000 });

test("a reply on one instance is followed live on another, and survives its instance being killed", async ({ browser }) => {
  const database = start(["tsx", "tools/embedded-mongo/cli.ts", "--port", String(DB_PORT)], {});
  // One worker each: "instance 1 dies" is then one process (workers have their own spec).
  const env = { ...appEnv(DB_PORT), WEB_CONCURRENCY: "1" };
  const apps = PORTS.map((port) => start(["tsx", "scripts/launch.ts", "start", "--port", String(port), "--hostname", "127.0.0.1"], env));
  try {
    for (const port of PORTS) await until(healthy(url(port)), `instance on ${port} is up`);
    const user = makeUser();
    const tabs: Page[] = [];
    for (const port of PORTS) tabs.push(await (await browser.newContext({ baseURL: url(port) })).newPage());
    const [a, b] = tabs as [Page, Page];
    await signUp(a, user);
    await b.goto("/login");
    await signIn(b, user.username, user.password);
    await expect(b).toHaveURL(/\/dashboard$/);

    await a.goto("/roles/chatcraft-guide");
    await a.getByRole("button", { name: "Start chat" }).click();
    await expect(a).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
    const chatPath = new URL(a.url()).pathname;
    const connected = b.waitForResponse((response) => response.url().includes("/api/v1/me/events") && response.status() === 200);
    await b.goto(chatPath);
    await connected;

    const question = `Count across instances (${test.info().testId})`;
    const words = Array.from({ length: 60 }, (_, i) => `word${String(i + 1).padStart(2, "0")} `);
    await scriptGemini(slowReply(question, words, 600));
    await a.getByLabel("Message", { exact: true }).fill(question);
    await a.getByLabel("Message", { exact: true }).press("Enter");
    const reply = b.getByTestId("ai-message").last();
    await expect(reply).toContainText("word03", { timeout: 30_000 });

    // Instance 1 dies mid-reply: instance 2's sweeper marks the reply interrupted, text kept.
    killGroup(apps[0]!);
    await expect(reply).toHaveAttribute("data-status", "error", { timeout: 60_000 });
    await expect(reply).toContainText("word03");
    await expect(reply).not.toContainText("word60");

    await b.getByRole("button", { name: "Retry" }).click();
    await expect(b.getByTestId("ai-message").last()).toHaveAttribute("data-status", "complete", { timeout: 60_000 });
    await expect(b.getByTestId("ai-message")).toHaveCount(1);
  } finally {
    for (const app of apps) killGroup(app);
    killGroup(database);
  }
});
