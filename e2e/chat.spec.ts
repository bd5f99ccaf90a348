import { expect, test } from "./fixtures";
import type { Locator, Page, Route } from "@playwright/test";
import { defaultReplyTo, rateLimited, scriptGemini, slowReply } from "./gemini-control";

/** Opens Financial Advisor from the catalog. */
async function openFinancialAdvisor(page: Page): Promise<void> {
  await page.goto("/roles");
  await page.getByLabel("Search roles").fill("financial");
  await page.getByRole("link", { name: /Financial Advisor/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Financial Advisor" })).toBeVisible();
}

function detailsForm(page: Page): Locator {
  return page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
}

async function fillFinancialAdvisor(page: Page, age: string): Promise<void> {
  const form = detailsForm(page);
  await form.getByRole("spinbutton", { name: "Age" }).fill(age);
  await form.getByRole("textbox", { name: "Country" }).fill("Portugal");
  // Every select gets its first real option, every checkbox group its first box, so the form
  // stays valid whatever choices the role offers.
  for (const select of await form.locator("select").all()) {
    const options = await select.locator("option").evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    const first = options.find(Boolean);
    if (first) await select.selectOption(first);
  }
  for (const group of await form.locator("fieldset").all()) {
    const box = group.getByRole("checkbox").first();
    if (!(await box.isChecked())) await box.check();
  }
  for (const textarea of await form.locator("textarea").all()) {
    if (!(await textarea.inputValue())) await textarea.fill("Retire early and buy a small flat");
  }
}

/** Sends a message and waits for the AI reply to finish (complete, stopped or error). */
async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(page.getByTestId("user-message").last()).toContainText(text);
}

function lastReply(page: Page): Locator {
  return page.getByTestId("ai-message").last();
}

async function startFinancialChat(page: Page, age = "41"): Promise<string> {
  await openFinancialAdvisor(page);
  await fillFinancialAdvisor(page, age);
  await detailsForm(page).getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  return page.url();
}

test("Financial Advisor: start, stream, history, pre-fill, edit details, clear history", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await test.step("a blank required field is refused in the browser", async () => {
    await openFinancialAdvisor(page);
    await detailsForm(page).getByRole("spinbutton", { name: "Age" }).fill("");
    await detailsForm(page).getByRole("button", { name: "Start chat" }).click();
    await expect(page).toHaveURL(/\/roles\//);
  });

  const chatUrl = await test.step("fill the form and start a chat", async () => startFinancialChat(page, "41"));

  await test.step("the reply streams in", async () => {
    const replyResponse = page.waitForResponse((response) => response.url().endsWith("/reply"));
    await send(page, "How much should I save each month?");
    const response = await replyResponse;
    expect(response.headers()["content-type"]).toContain("application/x-ndjson");
    await expect(lastReply(page)).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
    await expect(lastReply(page).locator(".markdown")).toHaveText(defaultReplyTo("How much should I save each month?"));
    await expect(page.getByRole("button", { name: "Regenerate" })).toBeVisible();
  });

  await test.step("the sidebar lists the chat under Today", async () => {
    const today = page.getByRole("region", { name: "Today" });
    await expect(today.getByTestId("conversation-item")).toHaveCount(1);
  });

  await test.step("after a reload the history is still there", async () => {
    await page.reload();
    await expect(page.getByTestId("user-message")).toContainText("How much should I save each month?");
    await expect(lastReply(page)).toHaveAttribute("data-status", "complete");
  });

  await test.step("a new chat with the same role is pre-filled", async () => {
    await openFinancialAdvisor(page);
    await expect(page.getByTestId("prefilled-hint")).toHaveText("Pre-filled from your last chat");
    await expect(detailsForm(page).getByRole("spinbutton", { name: "Age" })).toHaveValue("41");
    await expect(detailsForm(page).getByRole("textbox", { name: "Country" })).toHaveValue("Portugal");
  });

  await test.step("edit details mid-chat: the notice appears in the conversation", async () => {
    await page.goto(chatUrl);
    await page.getByRole("button", { name: "Edit details" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit details" });
    await dialog.getByRole("spinbutton", { name: "Age" }).fill("42");
    await dialog.getByRole("button", { name: "Save details" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("chat-notice").last()).toBeVisible();
    await page.getByRole("button", { name: "What the AI knows" }).click();
    await expect(page.getByTestId("details-card")).toContainText("42");
  });

  await test.step("Clear history empties the sidebar", async () => {
    await page.getByRole("button", { name: "Clear history" }).click();
    const dialog = page.getByRole("alertdialog");
    // Project chats are conversations too: the warning says so, and that projects stay.
    await expect(dialog).toContainText("project chats included");
    await expect(dialog).toContainText("Your projects and their tasks");
    await dialog.getByRole("button", { name: "Clear history" }).click();
    await expect(page.getByText("No conversations yet")).toBeVisible();
    await expect(page.getByTestId("conversation-item")).toHaveCount(0);
  });
});

test("Stop during a slow reply keeps the partial text, marked Stopped", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await startFinancialChat(page);
  const question = `Explain index funds, slowly please (${test.info().testId})`;
  await scriptGemini(slowReply(question, ["First part of the answer. ", "Second part. ", "Third part. ", "Fourth part."], 1_500));
  await send(page, question);
  await expect(lastReply(page)).toContainText("First part of the answer.", { timeout: 15_000 });
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-status", "stopped");
  await expect(lastReply(page).getByText("Stopped", { exact: true })).toBeVisible();
  await expect(lastReply(page)).not.toContainText("Fourth part.");

  // The partial reply was saved as stopped: it survives a reload.
  await page.reload();
  await expect(lastReply(page)).toContainText("First part of the answer.");
  await expect(lastReply(page)).toHaveAttribute("data-status", "stopped");
});

test("a 429 from Gemini shows a readable message, and Retry gets the answer", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await startFinancialChat(page);
  const question = `Should I pay off my mortgage early? (${test.info().testId})`;
  await scriptGemini(rateLimited(question, 1));
  await send(page, question);
  await expect(lastReply(page)).toHaveAttribute("data-status", "error", { timeout: 15_000 });
  await expect(lastReply(page).getByRole("alert")).toContainText(/rate limit|busy|quota|too many/i);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(lastReply(page)).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(lastReply(page).locator(".markdown")).toHaveText(defaultReplyTo(question));
  // Retry replaced the failed reply rather than adding another.
  await expect(page.getByTestId("ai-message")).toHaveCount(1);
});

test("edit the last message and resend, then regenerate the reply", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await startFinancialChat(page);
  const first = `Is a 3% fee high? (${test.info().testId})`;
  await send(page, first);
  await expect(lastReply(page).locator(".markdown")).toHaveText(defaultReplyTo(first), { timeout: 30_000 });

  const edited = `Is a 0.2% fee high? (${test.info().testId})`;
  await page.getByTestId("user-message").last().getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Edit message").fill(edited);
  await page.getByRole("button", { name: "Save & resend" }).click();
  await expect(lastReply(page).locator(".markdown")).toHaveText(defaultReplyTo(edited), { timeout: 30_000 });
  // The edit replaced the exchange: one question, one answer.
  await expect(page.getByTestId("user-message")).toHaveCount(1);
  await expect(page.getByTestId("user-message")).toContainText(edited);
  await expect(page.getByTestId("ai-message")).toHaveCount(1);

  await scriptGemini({ for: "stream", whenLastUserIncludes: edited, chunks: ["A second ", "opinion: ", "that is low."] });
  await page.getByRole("button", { name: "Regenerate" }).click();
  await expect(lastReply(page).locator(".markdown")).toHaveText("A second opinion: that is low.", { timeout: 30_000 });
  await expect(page.getByTestId("ai-message")).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId("user-message")).toContainText(edited);
  await expect(lastReply(page).locator(".markdown")).toHaveText("A second opinion: that is low.");
});

test("a reply's markdown is rendered, code is highlighted, and Copy puts the code on the clipboard", async ({ page, context, user }) => {
  void user; // a fresh signed-in account
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await startFinancialChat(page);
  const question = `Show me the compound interest formula in Python (${test.info().testId})`;
  const code = "def grow(principal, rate, years):\n    return principal * (1 + rate) ** years";
  await scriptGemini({
    for: "stream",
    whenLastUserIncludes: question,
    chunks: ["Here is **the formula**:\n\n", "```python\n", `${code}\n`, "```\n"],
  });
  await send(page, question);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(reply.locator("strong")).toHaveText("the formula");
  await expect(reply.locator("pre code .hljs-keyword").first()).toHaveText("def");
  const block = reply.getByTestId("code-block");
  await expect(block.getByText("python", { exact: true })).toBeVisible();

  await block.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(block.getByText("Copied", { exact: true })).toBeVisible();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(code);
});

test("the sidebar loads older conversations as it is scrolled", async ({ page, user }) => {
  void user; // a fresh signed-in account
  // One more conversation than the first page holds (CONVERSATION_PAGE_SIZE = 30), started through
  // the API with this browser's session (starting them from the UI is covered above).
  await page.goto("/dashboard");
  for (let i = 0; i < 31; i += 1) {
    const started = await page.request.post("/api/v1/conversations", { data: { roleId: "chatcraft-guide" } });
    expect(started.status()).toBe(201);
  }
  await page.reload();
  const items = page.getByTestId("conversation-item");
  await expect(items).toHaveCount(30);
  // A reload (another tab renamed a chat, say) is in flight when the end comes into view: the
  // scroll must still be answered once the reload is back. Every list request is held meanwhile.
  const held: Route[] = [];
  let holding = true;
  await page.route("**/dashboard", (route) => {
    if (!holding || route.request().method() !== "POST") return route.fallback();
    held.push(route);
  });
  await page.evaluate(() => window.dispatchEvent(new Event("chatcraft:conversations-changed")));
  await expect.poll(() => held.length).toBeGreaterThan(0);
  // Scroll the sidebar the way a person does: wheel over it until its end comes into view.
  await items.first().hover();
  await page.mouse.wheel(0, 10_000);
  await expect(page.getByRole("status", { name: "Loading more conversations" })).toBeInViewport();
  holding = false;
  for (const route of held) await route.continue();
  await expect(items).toHaveCount(31);
  await expect(items.last()).toContainText("New ChatCraft Guide chat");
});
