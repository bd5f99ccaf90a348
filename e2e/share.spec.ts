/**
 * Share links in the browser (issue 21): share a Financial Advisor chat with the income hidden,
 * open the link signed out — the income, the owner's email and username are nowhere in the page
 * or its RSC payload, hostile markdown stays inert; another user continues it in their own
 * account; then the owner revokes it in Settings and the link is 404. The three tests run in
 * order on one link (serial), each within its own time budget.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expectNothingPrivate } from "./share-privacy";
import { expect, makeUser, signIn, signUp, test, type TestUser } from "./fixtures";
import { scriptGemini } from "./gemini-control";

const INCOME = "100k–200k";
const MARKER = "share-spec-question";
const HOSTILE_REPLY = [
  `With an income of ${INCOME} you can save more.`,
  "",
  "<script>window.__shareXss = 'script'</script>",
  '<img src="x" onerror="window.__shareXss = \'img\'">',
  "",
  "[click me](javascript:window.__shareXss='link')",
].join("\n");

/**
 * A Financial Advisor chat with the income set, through the app's own API with the signed-in
 * user's cookie (chat.spec.ts covers the details form itself).
 */
async function startFinancialChat(page: Page): Promise<string> {
  const details = { age: 41, income_range: INCOME, goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Portugal" };
  const chat = await page.request.post("/api/v1/conversations", { data: { roleId: "financial-advisor", details } });
  expect(chat.status(), await chat.text()).toBe(201);
  return (await chat.json()).id;
}

test.describe.configure({ mode: "serial" });

let owner: TestUser;
let url = "";

test("share a Financial Advisor chat: details hidden by default, the preview shows what a visitor sees", async ({ page, user }) => {
  owner = user;
  const conversationId = await startFinancialChat(page);
  await scriptGemini({ for: "stream", whenLastUserIncludes: MARKER, chunks: [HOSTILE_REPLY] });
  // The message goes through the API (one JSON answer): chat.spec.ts covers typing and streaming.
  const sent = await page.request.post(`/api/v1/conversations/${conversationId}/messages`, {
    data: { text: `My income is ${INCOME}. ${MARKER} <img src=x onerror="window.__shareXss='user'">`, stream: false },
  });
  expect(sent.status(), await sent.text()).toBeLessThan(300);
  await page.goto(`/chat/${conversationId}`);
  await expect(page.getByTestId("ai-message").last()).toContainText("you can save more");

  url = await test.step("Share: details hidden by default, the preview shows what a visitor sees", async () => {
    await page.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByRole("dialog", { name: "Share this conversation" });
    await expect(dialog.getByRole("checkbox", { name: "Yearly income (before tax)" })).not.toBeChecked();
    await dialog.getByRole("checkbox", { name: "Country" }).check();
    const preview = dialog.getByTestId("share-preview");
    await expect(preview.getByText("Portugal").first()).toBeVisible();
    await expect(preview).toContainText("[hidden]");
    await expect(preview).not.toContainText(INCOME);
    await dialog.getByRole("button", { name: "Create link" }).click();
    const link = dialog.getByRole("textbox", { name: "Share link" });
    await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{32}$/);
    return link.inputValue();
  });
});

test("signed out, the income is nowhere in the page or its RSC payload; hostile markdown is inert", async ({ browser }) => {
  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto(url);
  await expect(guest.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(guest.getByTestId("shared-ai-message")).toContainText("you can save more");
  await expect(guest.getByText("Portugal").first()).toBeVisible();
  await expect(guest.locator("body")).not.toContainText(INCOME);
  await expect(guest.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(guest.locator('meta[property="og:title"]')).toHaveCount(1);
  expect(await guest.locator('meta[property="og:description"]').getAttribute("content")).not.toContain(INCOME);
  // Hostile markdown and HTML render as text: nothing ran, no javascript: link, no live onerror.
  await expect(guest.getByTestId("shared-ai-message").locator(".markdown")).toBeVisible();
  expect(await guest.evaluate(() => (window as unknown as { __shareXss?: string }).__shareXss)).toBeUndefined();
  await expect(guest.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(guest.locator("img[onerror]")).toHaveCount(0);
  await expectNothingPrivate(visitor.request, url, [INCOME, owner.email, owner.email.toLowerCase(), owner.username]);
  await visitor.close();
});

test("the share page is axe-clean and fits a 360 px screen, signed out", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("shared-ai-message")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id);
  expect(serious).toEqual([]);
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("another signed-in user continues it in their own account", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const other: TestUser = makeUser();
  await signUp(page, other);
  await page.goto(url);
  await page.getByRole("button", { name: "Continue in my account" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  await expect(page.getByTestId("ai-message").last()).toContainText("you can save more");
  await expect(page.getByTestId("ai-message").last()).not.toContainText(INCOME);
  await expect(page.getByRole("region", { name: "Today" }).getByTestId("conversation-item")).toHaveCount(1);
  await context.close();
});

test("Settings → Shared links lists it with its views; Revoke ends it: 404", async ({ page, request }) => {
  await page.goto("/login");
  await signIn(page, owner.username, owner.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Shared links" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(/[1-9]\d* views?/);
  await list.getByRole("button", { name: /^Revoke link to/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(list).toContainText("Revoked");
  expect((await request.get(url)).status()).toBe(404);
});
