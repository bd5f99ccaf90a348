/**
 * Export and print a conversation in the browser, with the demo model (issue 21): the chat page's
 * Export menu, used by keyboard only, downloads Markdown and JSON the server named; Print opens
 * the browser's dialog; and in print media the page is the conversation alone — no header,
 * sidebar, composer, buttons or menus — with every message visible at full width.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const QUESTION = "How do I print this?\n\n```js\nconsole.log('kept fenced');\n```";

/** A ChatCraft Guide chat with one exchange, through the app's API with the signed-in cookie. */
async function chatWithOneExchange(page: Page): Promise<string> {
  const chat = await page.request.post("/api/v1/conversations", { data: { roleId: "chatcraft-guide", details: {} } });
  expect(chat.status(), await chat.text()).toBe(201);
  const id = ((await chat.json()) as { id: string }).id;
  const renamed = await page.request.patch(`/api/v1/conversations/${id}`, { data: { title: "Printing & exporting" } });
  expect(renamed.status()).toBe(200);
  const sent = await page.request.post(`/api/v1/conversations/${id}/messages`, { data: { text: QUESTION, stream: false } });
  expect(sent.status(), await sent.text()).toBe(200);
  await page.goto(`/chat/${id}`);
  await expect(page.getByTestId("ai-message").last()).toHaveAttribute("data-status", "complete");
  return id;
}

/**
 * Export → the n-th item (0-based), by keyboard alone: focus the button, Enter opens the menu
 * (focus on the menu itself), each ArrowDown moves to the next item, Enter chooses.
 */
async function chooseExportItem(page: Page, index: number): Promise<void> {
  await page.getByRole("button", { name: "Export", exact: true }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const target = menu.getByRole("menuitem").nth(index);
  await expect(async () => {
    if (!(await target.evaluate((node) => node === document.activeElement))) await page.keyboard.press("ArrowDown");
    await expect(target).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press("Enter");
}

async function downloadText(page: Page, index: number): Promise<{ download: Download; text: string }> {
  const downloading = page.waitForEvent("download");
  await chooseExportItem(page, index);
  const download = await downloading;
  return { download, text: await readFile((await download.path())!, "utf8") };
}

test("Export → Download Markdown and Download JSON, by keyboard", async ({ page, user }) => {
  void user;
  const id = await chatWithOneExchange(page);

  const markdown = await downloadText(page, 0);
  expect(markdown.download.suggestedFilename()).toMatch(/^chatcraft-printing-exporting-\d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toMatch(/^# Printing & exporting\n/);
  expect(markdown.text).toContain("- Role: ChatCraft Guide");
  expect(markdown.text).toMatch(/### You — \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n\nHow do I print this\?\n\n```js\nconsole\.log\('kept fenced'\);\n```/);
  expect(markdown.text).toMatch(/### ChatCraft Guide \(AI\) — /);
  expect(markdown.text).toContain("offline demo model");

  const json = await downloadText(page, 1);
  expect(json.download.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(json.text) as { format: string; version: number; conversation: { id: string }; messages: { sender: string }[] };
  expect(exported).toMatchObject({ format: "chatcraft-conversation", version: 1, conversation: { id } });
  expect(exported.messages.map((message) => message.sender)).toEqual(["user", "ai"]);
});

test("Print opens the browser's dialog; in print media only the conversation is on the page", async ({ page, user }) => {
  void user;
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1;
    };
  });
  await chatWithOneExchange(page);
  await chooseExportItem(page, 2);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed)).toBe(1);
  await expect(page.getByRole("menu")).toHaveCount(0);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByLabel("Message", { exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Share" })).toBeHidden();
  await expect(page.getByRole("button").filter({ visible: true })).toHaveCount(0);
  await expect(page.getByTestId("chat-title")).toHaveText("Printing & exporting");
  const question = page.getByTestId("user-message");
  const reply = page.getByTestId("ai-message");
  await expect(question).toContainText("How do I print this?");
  await expect(question).toContainText("You:");
  await expect(reply).toContainText("offline demo model");
  // Full width, and nothing clipped by the screen's scrolling box.
  const widths = await page.evaluate(() => {
    const list = document.querySelector('ol[aria-label="Messages"]')!.getBoundingClientRect().width;
    const bubble = document.querySelector('[data-testid="ai-message"] > div')!.getBoundingClientRect().width;
    const scroller = document.querySelector('[data-testid="message-scroller"]')!;
    return { ratio: bubble / list, overflow: getComputedStyle(scroller).overflowY, clipped: scroller.scrollHeight - scroller.clientHeight };
  });
  expect(widths.ratio).toBeGreaterThan(0.98);
  expect(widths.overflow).toBe("visible");
  expect(widths.clipped).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="ai-message"]')!).breakInside)).toBe("avoid");
});
