import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Runs against the app started without GEMINI_API_KEY (the "demo" project in playwright.config.ts
// matches *demo.spec.ts): the demo model proposes the details update deterministically.

/** No serious or critical axe violation, and nothing scrolls sideways at a 360 px phone width. */
async function expectAccessibleOnPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function startAdvisorChat(page: Page): Promise<void> {
  await page.goto("/roles/financial-advisor");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
  await form.getByRole("spinbutton", { name: "Age" }).fill("40");
  await form.getByRole("combobox", { name: "Yearly income (before tax)" }).selectOption("50k–100k");
  await form.getByRole("checkbox", { name: "Retirement" }).check();
  await form.getByRole("combobox", { name: "Risk tolerance" }).selectOption("Medium");
  await form.getByRole("combobox", { name: "Time horizon" }).selectOption("10+ years");
  await form.getByRole("textbox", { name: "Country" }).fill("Germany");
  await form.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
}

test("Financial Advisor: say your age changed, apply the card, the form and history follow, restore the old age", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await startAdvisorChat(page);

  await test.step("the reply carries a details card: field, old → new, the sentence", async () => {
    await page.getByLabel("Message", { exact: true }).fill("Quick update: I'm 41 now. Should I change anything?");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    const card = page.getByTestId("details-update-card");
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card.getByTestId("details-update-change")).toHaveText("Age: 40 → 41");
    await expect(card).toContainText("“Quick update: I'm 41 now.”");
    await expect(card).toHaveAttribute("data-state", "proposed");
    await expectAccessibleOnPhone(page);
  });

  await test.step("Apply updates the brief and this chat's details, once", async () => {
    const card = page.getByTestId("details-update-card");
    await card.getByRole("button", { name: "Apply" }).click();
    await expect(card).toHaveAttribute("data-state", "applied");
    await expect(card.getByRole("button", { name: "Apply" })).toHaveCount(0);
    await page.getByRole("button", { name: "What the AI knows" }).click();
    await expect(page.getByTestId("details-card")).toContainText("41");
  });

  await test.step("next time, the form is pre-filled with the new age, says what changed, and the history shows it", async () => {
    await page.goto("/roles/financial-advisor");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
    await expect(form.getByRole("spinbutton", { name: "Age" })).toHaveValue("41");
    await expect(page.getByTestId("changed-since-last-chat")).toContainText("Age: 40 → 41");
    const entry = page.getByTestId("brief-history-entry").first();
    await expect(entry).toContainText("Age: 40 → 41");
    await expect(entry.getByRole("link", { name: "a chat" })).toHaveAttribute("href", /\/chat\/[a-f0-9]{24}$/);
  });

  await test.step("restore puts the old age back, in the form and as a new history entry", async () => {
    await page.getByRole("button", { name: "Restore Age to 40" }).click();
    await expect(page.getByTestId("brief-history-entry")).toHaveCount(2);
    await expect(page.getByTestId("brief-history-entry").first()).toContainText("Age: 41 → 40");
    await expect(page.getByTestId("brief-history-entry").first()).toContainText("restored from history");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
    await expect(form.getByRole("spinbutton", { name: "Age" })).toHaveValue("40");
    await page.reload();
    await expect(form.getByRole("spinbutton", { name: "Age" })).toHaveValue("40");
    await expectAccessibleOnPhone(page);
  });
});

test("a value the field does not accept is never offered: the reply says why", async ({ page, user }) => {
  void user;
  await startAdvisorChat(page);
  await page.getByLabel("Message", { exact: true }).fill("I am 140 now");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  const reply = page.getByTestId("ai-message").last();
  await expect(reply).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(page.getByText("I couldn't use that update to your details: Age must be at most 100.")).toBeVisible();
  await expect(page.getByTestId("details-update-card")).toHaveCount(0);
});
