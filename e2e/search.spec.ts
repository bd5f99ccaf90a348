/**
 * Search in the browser: Ctrl-K from a page, type, pick a result in a 1,000-message conversation,
 * and the conversation opens at that message, marked, loading older and newer pages as the reader
 * scrolls either way; on /search a facet narrows the list; a second user sees nothing of the
 * first's (page, palette, API). Messages are seeded through the driver, as in long-conversation.spec.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, makeUser, signUp, test } from "./fixtures";
import { seedMessages } from "./seed-messages";

const TOTAL = 1_000;
const TARGET = 500;
const WORD = "zephyrine";

const textOf = (i: number) =>
  i === TARGET ? `Question ${i}: how is my ${WORD} pension invested?` : i === TARGET + 1 ? `Reply ${i}: your ${WORD} fund is investing in bonds.` : i % 2 ? `Reply ${i}` : `Question ${i}`;

async function startSeededChat(page: Page, username: string): Promise<string> {
  await page.goto("/roles/chatcraft-guide");
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  const conversationId = page.url().split("/").at(-1)!;
  await seedMessages(conversationId, username, TOTAL, textOf);
  return conversationId;
}

function items(page: Page): Locator {
  return page.getByRole("list", { name: "Messages" }).locator(":scope > li");
}

test("Ctrl-K, type, Enter: the conversation opens at the match, marked, and pages in both ways", async ({ page, user }) => {
  test.setTimeout(120_000);
  const conversationId = await startSeededChat(page, user.username);
  await page.goto("/dashboard");
  await page.keyboard.press("Control+k");
  const box = page.getByRole("combobox", { name: "Search" });
  await expect(box).toBeFocused();
  await box.fill(`${WORD} pension`);
  const option = page.getByRole("option").filter({ hasText: `how is my ${WORD} pension` });
  await expect(option).toBeVisible();
  await expect(option.locator("mark")).toHaveText([WORD, "pension"]);
  await box.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/chat/${conversationId}\\?m=[a-f0-9]{24}`));
  const focused = page.locator('[data-focused="true"]');
  await expect(focused).toContainText(`Question ${TARGET}: how is my ${WORD} pension invested?`);
  await expect(focused).toBeInViewport();
  const before = await items(page).count();
  expect(before).toBeLessThan(TOTAL);

  const scroller = page.getByTestId("message-scroller");
  await scroller.evaluate((node) => (node.scrollTop = 0));
  await expect.poll(() => items(page).count()).toBeGreaterThan(before);
  const afterOlder = await items(page).count();
  const lastBefore = await items(page).last().textContent();
  await scroller.evaluate((node) => (node.scrollTop = node.scrollHeight));
  await expect.poll(() => items(page).count()).toBeGreaterThan(afterOlder);
  expect(await items(page).last().textContent()).not.toBe(lastBefore);
});

test("/search lists the match with highlights, a facet narrows it, and the page is axe-clean at 360 px", async ({ page, user }) => {
  test.setTimeout(120_000);
  await startSeededChat(page, user.username);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/search?q=${WORD}`);
  const hits = page.getByTestId("search-hit");
  await expect(hits).toHaveCount(2);
  await expect(hits.first().locator("mark")).toHaveText([WORD]);
  await page.getByRole("navigation", { name: "Narrow the results" }).getByRole("link", { name: /^AI/ }).click();
  await expect(page).toHaveURL(/sender=ai/);
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText("investing in bonds");
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("a second user sees nothing of the first's: page, palette and API", async ({ page, user, browser }) => {
  test.setTimeout(120_000);
  await startSeededChat(page, user.username);
  await page.goto(`/search?q=${WORD}`);
  await expect(page.getByTestId("search-hit")).toHaveCount(2);

  const other = await (await browser.newContext()).newPage();
  await signUp(other, makeUser());
  await other.goto(`/search?q=${WORD}`);
  await expect(other.getByText("No results")).toBeVisible();
  await expect(other.getByTestId("search-hit")).toHaveCount(0);
  await other.keyboard.press("Control+k");
  await other.getByRole("combobox", { name: "Search" }).fill(WORD);
  await expect(other.getByText("No results", { exact: true }).last()).toBeVisible();
  await expect(other.getByRole("option").filter({ hasText: "pension" })).toHaveCount(0);
  const api = await other.request.get(`/api/v1/search?q=${WORD}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).groups).toEqual([]);
});
