/**
 * Settings → Import in Chromium: a ChatGPT conversations.json chosen by keyboard-reachable
 * controls, imported with a progress bar and its outcome, then found in the sidebar and opened
 * with its messages (the branch ChatGPT showed last). The section is axe-clean and fits 360 px.
 */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const CHATGPT = join(__dirname, "../tests/fixtures/import/chatgpt-conversations.json");
const ZIP = join(__dirname, "../tests/fixtures/import/zip-archive.json");

test("import a ChatGPT export in Settings, then open its conversation from the sidebar", async ({ page, user: _user }) => {
  await page.goto("/settings");
  const section = page.getByRole("form", { name: "Import conversations" });

  await test.step("a file that is not what it claims is refused beside the field", async () => {
    await section.getByLabel("Export file").setInputFiles(ZIP);
    await section.getByRole("button", { name: "Import" }).click();
    await expect(section.locator("#import-file-error")).toContainText("zip archive");
  });

  await test.step("the ChatGPT file imports, with its outcome and the conversation that failed", async () => {
    await section.getByLabel("Export file").setInputFiles(CHATGPT);
    await expect(section.getByLabel("Chat with role")).toHaveValue("chatcraft-guide");
    await section.getByRole("button", { name: "Import" }).focus();
    await page.keyboard.press("Enter");
    const outcome = page.getByRole("status").filter({ hasText: "Import finished" });
    await expect(outcome).toContainText("Import finished (ChatGPT): 2 imported, 0 already there, 1 failed.");
    await expect(outcome).toContainText("Broken one: Not a ChatGPT conversation");
    const axe = await new AxeBuilder({ page }).include("main").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  await test.step("the conversation is in the sidebar and opens with its messages", async () => {
    await page.reload();
    await page.getByTestId("conversation-item").filter({ hasText: "Sourdough starter help" }).click();
    await expect(page.getByTestId("user-message").first()).toContainText("My starter smells like nail polish. Is it dead?");
    await expect(page.getByTestId("ai-message").last()).toContainText("For rye, use a little more water");
    await expect(page.getByTestId("user-message")).toHaveCount(3);
  });

  await test.step("importing it again adds nothing", async () => {
    await page.goto("/settings");
    await section.getByLabel("Export file").setInputFiles(CHATGPT);
    await section.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toContainText("0 imported, 2 already there, 1 failed.");
  });

  await test.step("the section fits a 360 px screen", async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/settings");
    await expect(section.getByRole("button", { name: "Import" })).toBeVisible();
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
