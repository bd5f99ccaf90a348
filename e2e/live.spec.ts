/**
 * Issue 18 in the browser: two tabs (two browser contexts) of one user. A reply streaming in A
 * appears live in B; reloading A mid-reply brings the text so far back and it continues with no
 * repeated or missing words; Stop in B stops it in both, partial text kept; new chats, titles,
 * renames and Clear history reach B's sidebar and page; a task moved on A's board moves on B's.
 */
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, signIn, test, type TestUser } from "./fixtures";
import { scriptGemini, slowReply } from "./gemini-control";

async function secondTab(browser: Browser, user: TestUser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  const connected = live(page);
  await signIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await connected;
  return page;
}

async function startGuideChat(page: Page): Promise<string> {
  await page.goto("/roles/chatcraft-guide");
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  return page.url();
}

function lastReply(page: Page): Locator {
  return page.getByTestId("ai-message").last();
}

/** Waits until the tab's live connection is open (the chat re-read it does on connect has been asked for). */
async function live(page: Page): Promise<void> {
  await page.waitForResponse((response) => response.url().includes("/api/v1/me/events") && response.status() === 200);
}

test.describe.configure({ timeout: 120_000 });

test("a reply streams live in a second tab, survives a reload mid-reply, and Stop in the other tab stops it", async ({ page, user, browser, baseURL }) => {
  const chatUrl = await startGuideChat(page);
  const other = await secondTab(browser, user, baseURL);
  const otherLive = live(other);
  await other.goto(chatUrl);
  await otherLive;

  const question = `Count slowly for me (${test.info().testId})`;
  // Slow enough that a reload and a Stop land mid-reply even on a loaded machine.
  const words = Array.from({ length: 40 }, (_, i) => `word${String(i + 1).padStart(2, "0")} `);
  await scriptGemini(slowReply(question, words, 600));
  await page.getByLabel("Message", { exact: true }).fill(question);
  await page.getByLabel("Message", { exact: true }).press("Enter");

  await test.step("the question and the reply appear live in the second tab", async () => {
    await expect(other.getByTestId("user-message").last()).toContainText(question);
    await expect(lastReply(other)).toContainText("word02");
    await expect(lastReply(other)).toHaveAttribute("data-status", "streaming");
    await expect(other.getByRole("button", { name: "Stop" })).toBeVisible();
  });

  await test.step("reloading the first tab mid-reply brings the text so far back, and it goes on", async () => {
    await expect(lastReply(page)).toContainText("word03");
    const reloadedLive = live(page);
    await page.reload();
    await reloadedLive;
    await expect(lastReply(page)).toContainText("word03");
    await expect(lastReply(page)).toContainText("word06");
  });

  await test.step("Stop in the second tab stops the reply in both, keeping its text", async () => {
    await other.getByRole("button", { name: "Stop" }).click();
    await expect(lastReply(other)).toHaveAttribute("data-status", "stopped");
    await expect(lastReply(page)).toHaveAttribute("data-status", "stopped");
    const shown = (await lastReply(page).locator(".markdown").textContent())!.trim();
    // A prefix of the reply, word by word: nothing repeated, nothing skipped.
    expect(words.join("").startsWith(`${shown} `) || words.join("").trim() === shown).toBe(true);
    expect(shown).toContain("word06");
    expect(shown).not.toContain("word40");
    await expect(lastReply(other).locator(".markdown")).toHaveText(shown);
  });

  await test.step("after a reload both tabs show the same saved reply", async () => {
    await page.reload();
    await expect(lastReply(page)).toHaveAttribute("data-status", "stopped");
    await expect(lastReply(page).locator(".markdown")).toHaveText((await lastReply(other).locator(".markdown").textContent())!.trim());
  });
  await other.context().close();
});

test("new chats, renames and Clear history in one tab reach the other tab's sidebar and page", async ({ page, user, browser, baseURL }) => {
  const other = await secondTab(browser, user, baseURL);
  const sidebar = other.getByTestId("conversation-item");
  await expect(other.getByText("No conversations yet")).toBeVisible();

  const chatUrl = await startGuideChat(page);
  await expect(sidebar).toHaveCount(1);
  const otherLive = live(other);
  await other.goto(chatUrl);
  await otherLive;

  await page.getByLabel("Message", { exact: true }).fill("How do I rename a chat?");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(lastReply(page)).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(other.getByTestId("user-message").last()).toContainText("How do I rename a chat?");
  await expect(lastReply(other)).toHaveAttribute("data-status", "complete");
  await expect(lastReply(other).locator(".markdown")).toHaveText((await lastReply(page).locator(".markdown").textContent())!.trim());

  await page.getByRole("button", { name: "Clear history" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Clear history" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await expect(sidebar).toHaveCount(0);
  await expect(other.getByText("No conversations yet")).toBeVisible();
  await other.context().close();
});

test("a task moved on one tab's board moves on the other's, and the dashboard follows", async ({ page, user, browser, baseURL }) => {
  const created = await page.request.post("/api/v1/projects", {
    data: { name: "Live bakery", description: "Open the shop", tasks: [{ title: "Bake bread" }, { title: "Paint sign" }] },
    headers: { origin: baseURL ?? "" },
  });
  expect(created.status()).toBe(201);
  const project = (await created.json()) as { id: string };
  const other = await secondTab(browser, user, baseURL);
  const otherLive = live(other);
  await other.goto(`/projects/${project.id}`);
  await otherLive;
  await page.goto(`/projects/${project.id}`);

  await page.getByRole("button", { name: "Actions for Paint sign", exact: true }).click();
  await page.getByRole("menuitem", { name: "Done" }).click();
  await expect(page.getByText("Moved to Done.")).toBeVisible();
  await expect(other.getByTestId("column-done").locator('[data-task-title="Paint sign"]')).toBeVisible();
  await expect(other.getByTestId("progress-text").first()).toHaveText("1 of 2 done");
  await other.context().close();
});
