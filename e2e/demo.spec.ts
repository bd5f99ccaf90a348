import { expect, test } from "./fixtures";

// Runs against the app started without GEMINI_API_KEY (the "demo" project in playwright.config.ts).
test("with no Gemini key, the labelled demo model streams a reply that echoes the role and details", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/roles/chatcraft-guide");
  await expect(page.getByRole("heading", { level: 1, name: "ChatCraft Guide" })).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
  await form.getByRole("combobox", { name: "Device" }).selectOption("Phone");
  await form.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);

  await expect(page.getByTestId("demo-label")).toHaveText("Demo replies — add GEMINI_API_KEY for real answers");
  await page.getByLabel("Message", { exact: true }).fill("Where do I find my old conversations?");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  const reply = page.getByTestId("ai-message").last();
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(reply).toContainText("this is ChatCraft's offline demo model, not Gemini");
  await expect(reply).toContainText("ChatCraft Guide");
  await expect(reply).toContainText("Phone");
  await expect(reply).toContainText("Where do I find my old conversations?");
});
