import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { MongoClient, ObjectId } from "mongodb";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Runs against the app with no Gemini key (the "demo" project in playwright.config.ts), whose
// embedded database is at E2E_DEMO_DB_URI, so the deletion is checked through the driver.

/** What a person's clipboard holds after taking a screenshot: a PNG named image.png. */
async function pasteImage(page: Page, png: Buffer): Promise<void> {
  await page.getByLabel("Message", { exact: true }).focus();
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "image.png", { type: "image/png" }));
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, png.toString("base64"));
}

/** A Tech Support chat with its required details filled. */
async function startTechSupportChat(page: Page): Promise<void> {
  await page.goto("/roles/tech-support");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
  await form.getByRole("textbox", { name: "Device and operating system" }).fill("ThinkPad X1, Windows 11");
  await form.getByRole("textbox", { name: "Product and version" }).fill("Outlook 2405");
  await form.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
}

function screenshotPng(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 90, b: 200 } } }).png().toBuffer();
}

async function storedFiles(attachmentId: string): Promise<{ files: number; chunks: number }> {
  const client = await MongoClient.connect(process.env.E2E_DEMO_DB_URI!);
  try {
    const db = client.db(process.env.MONGODB_DB ?? "chatcraft");
    const original = await db.collection("attachments.files").findOne({ _id: new ObjectId(attachmentId) });
    const ids = [new ObjectId(attachmentId), ...(original?.metadata?.thumbnailId ? [original.metadata.thumbnailId as ObjectId] : [])];
    return {
      files: await db.collection("attachments.files").countDocuments({ _id: { $in: ids } }),
      chunks: await db.collection("attachments.chunks").countDocuments({ files_id: { $in: ids } }),
    };
  } finally {
    await client.close();
  }
}

test("paste a screenshot into a Tech Support chat: the demo reply names it, the thumbnail survives a reload, deleting the chat deletes the file", async ({ page, user }) => {
  void user; // a fresh signed-in account
  const png = await screenshotPng();

  await startTechSupportChat(page);
  const chatUrl = page.url();

  await test.step("paste the screenshot: a chip with its name, type and size, the limits named", async () => {
    await expect(page.locator("#attach-limits")).toContainText("up to 5 files, 10 MB each");
    await pasteImage(page, png);
    const chip = page.getByTestId("composer-attachment");
    await expect(chip).toHaveAttribute("data-status", "ready");
    await expect(chip).toContainText("image.png");
    await expect(chip).toContainText("image/png");
  });

  await test.step("send: the demo reply names the file with its type, size and pixel size", async () => {
    await page.getByLabel("Message", { exact: true }).fill("Outlook shows this error when it starts");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    const reply = page.getByTestId("ai-message").last();
    await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
    await expect(reply).toContainText("You attached 1 file:");
    await expect(reply).toContainText("image.png (PNG image");
    await expect(reply).toContainText("640 × 400 px");
    await expect(page.getByTestId("composer-attachment")).toHaveCount(0);
  });

  const link = page.getByTestId("message-attachment").getByRole("link");
  const href = await link.getAttribute("href");
  const attachmentId = /\/api\/v1\/attachments\/([a-f0-9]{24})\/content$/.exec(href ?? "")?.[1];
  expect(attachmentId, `attachment link ${href}`).toBeTruthy();

  await test.step("reload: the stored thumbnail is shown", async () => {
    await page.reload();
    const thumbnail = page.getByRole("img", { name: "image.png — open the original" });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);
  });

  await test.step("open the original in a new tab, served as an image that cannot run script", async () => {
    const [original] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("message-attachment").getByRole("link").click()]);
    await original.waitForLoadState();
    expect(original.url()).toContain(`/api/v1/attachments/${attachmentId}/content`);
    expect(await original.evaluate(() => document.contentType)).toBe("image/png");
    const served = await page.request.get(href!);
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");
    expect(served.headers()["content-security-policy"]).toContain("sandbox");
    await original.close();
  });

  await test.step("delete the conversation: the file and its thumbnail are gone from the database", async () => {
    expect((await storedFiles(attachmentId!)).files).toBe(2);
    await page.goto(chatUrl);
    await page.getByRole("button", { name: /^Actions for / }).first().click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).not.toHaveURL(chatUrl);
    await expect.poll(() => storedFiles(attachmentId!)).toEqual({ files: 0, chunks: 0 });
    expect((await page.request.get(href!)).status()).toBe(404);
  });
});

test("a screenshot sent with no text: Send needs a file or text, the demo answers the file, and Settings' zip holds it", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await startTechSupportChat(page);
  const send = page.getByRole("button", { name: "Send message" });
  await expect(send).toBeDisabled();

  await pasteImage(page, await screenshotPng());
  await expect(page.getByTestId("composer-attachment")).toHaveAttribute("data-status", "ready");
  await expect(send).toBeEnabled();
  await send.click();

  const reply = page.getByTestId("ai-message").last();
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(reply).toContainText("You sent files without a message.");
  await expect(reply).toContainText("image.png (PNG image");
  await expect(page.getByTestId("message-attachment")).toHaveCount(1);
  await expect(send).toBeDisabled();

  const href = await page.getByTestId("message-attachment").getByRole("link").getAttribute("href");
  const attachmentId = /\/api\/v1\/attachments\/([a-f0-9]{24})\/content$/.exec(href ?? "")?.[1];
  await page.goto("/settings");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "With my files (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^chatcraft-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile((await download.path())!);
  // A zip's local file headers carry each entry's name in the clear (entries are stored, not deflated).
  expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
  expect(zip.includes(Buffer.from("export.json"))).toBe(true);
  expect(zip.includes(Buffer.from(`attachments/${attachmentId}-image.png`))).toBe(true);
});

test("the composer at 360 px: a pasted file's chip, removed from the keyboard, axe-clean; Settings shows the storage it uses", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.setViewportSize({ width: 360, height: 740 });
  await startTechSupportChat(page);
  const chatUrl = page.url();
  await pasteImage(page, await screenshotPng());
  await expect(page.getByTestId("composer-attachment")).toHaveAttribute("data-status", "ready");
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

  await page.goto("/settings");
  await expect(page.getByTestId("storage-used")).toContainText(/ of 500 MB used$/);
  await expect(page.getByTestId("storage-used")).not.toContainText(/^0 bytes/);

  await page.goto(chatUrl);
  await pasteImage(page, await screenshotPng());
  await expect(page.getByTestId("composer-attachment")).toHaveCount(1);
  await expect(page.getByTestId("composer-attachment")).toHaveAttribute("data-status", "ready");
  await page.getByRole("button", { name: "Remove image.png" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("composer-attachment")).toHaveCount(0);
});
