/**
 * A 1,000-message conversation in the browser: the page opens on the newest messages only, and
 * scrolling up loads older pages in front without moving the message the reader is looking at.
 * The conversation is started through the app; its 1,000 messages are written straight into the
 * e2e app's embedded database through the driver (playwright.config.ts sets E2E_DB_URI) — typing
 * them would take the test's whole budget, and nothing in the app itself is test-only.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { seedMessages } from "./seed-messages";

const TOTAL = 1_000;
const PAGE = 50;

// Replies carry markdown, so the lazily loaded renderer takes part in the layout.
const textOf = (i: number) => (i % 2 ? `Reply **${i}**\n\n- one\n- two` : `Question ${i}`);

function items(page: Page): Locator {
  return page.getByRole("list", { name: "Messages" }).locator(":scope > li");
}

/** Scrolls to the very top and returns where the (then) first message sits in the viewport. */
async function scrollToTop(page: Page): Promise<{ text: string; top: number }> {
  return page.getByTestId("message-scroller").evaluate((scroller) => {
    scroller.scrollTop = 0;
    const first = scroller.querySelector("ol > li")!;
    return { text: first.textContent ?? "", top: first.getBoundingClientRect().top - scroller.getBoundingClientRect().top };
  });
}

async function positionOf(page: Page, text: string): Promise<number> {
  return page.getByTestId("message-scroller").evaluate((scroller, wanted) => {
    const item = [...scroller.querySelectorAll("ol > li")].find((li) => li.textContent === wanted)!;
    return item.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  }, text);
}

test("scrolling up through 1,000 messages loads older pages without jumping", async ({ page, user }) => {
  // Twenty page loads, one after another, on a shared machine.
  test.setTimeout(180_000);
  await page.goto("/roles/chatcraft-guide");
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  const conversationId = page.url().split("/").at(-1)!;
  await seedMessages(conversationId, user.username, TOTAL, textOf);

  await page.reload();
  await expect(items(page).last()).toContainText(`Reply ${TOTAL - 1}`);
  await expect(items(page).last().locator("strong")).toHaveText(`${TOTAL - 1}`); // markdown rendered
  await expect(items(page)).toHaveCount(PAGE);

  for (let shown = PAGE; shown < TOTAL; shown += PAGE) {
    const anchor = await scrollToTop(page);
    await expect(items(page)).toHaveCount(shown + PAGE);
    // The message that was at the top stays where it was: older ones went in above it.
    expect(Math.abs((await positionOf(page, anchor.text)) - anchor.top)).toBeLessThanOrEqual(2);
  }
  await scrollToTop(page);
  await expect(items(page).first()).toHaveText(/Question 0$/);
  await expect(page.getByText("Start of the conversation")).toBeVisible();
  await expect(items(page)).toHaveCount(TOTAL);
});
