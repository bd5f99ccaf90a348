/**
 * Sharing a project board read-only (issue 21): Share board on the project page (chat not
 * included by default) → the link opened signed out shows the project and its tasks by status,
 * and neither the page nor its RSC payload holds the owner's email or username or the chat →
 * Settings lists it as a board → Revoke → 404. Also: share pages print without their chrome.
 */
import AxeBuilder from "@axe-core/playwright";
import { expectNothingPrivate } from "./share-privacy";
import { expect, test, type TestUser } from "./fixtures";
import { seedMessages } from "./seed-messages";

const CHAT_MARKER = "board-share-spec-chat-line";

test("share a board → signed out: tasks by status, no chat, no owner → Settings → Revoke → 404", async ({ page, user, browser }) => {
  const owner: TestUser = user;
  const created = await page.request.post("/api/v1/projects", {
    data: { name: "Bakery launch", description: "Open the shop in spring", tasks: [{ title: "Pick a domain" }, { title: "Bake test batch", priority: "high" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const project = (await created.json()) as { id: string; conversationId: string };
  // Lines in the project's chat (seeded through the driver: no model involved) that must not be shared.
  await seedMessages(project.conversationId, owner.username, 2, (i) => `${CHAT_MARKER} ${i}`);

  await page.goto(`/projects/${project.id}`);
  await page.getByRole("button", { name: "Share board" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this board" });
  await expect(dialog.getByRole("checkbox", { name: /Include the project's chat/ })).not.toBeChecked();
  await dialog.getByLabel("Show my name as (optional)").fill("Bakers");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const field = dialog.getByRole("textbox", { name: "Board share link" });
  await expect(field).toHaveValue(/\/s\/board\/[A-Za-z0-9_-]{32}$/);
  const url = await field.inputValue();
  await page.keyboard.press("Escape");

  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto(url);
  await expect(guest.getByRole("heading", { level: 1, name: "Bakery launch" })).toBeVisible();
  await expect(guest.getByText("Open the shop in spring")).toBeVisible();
  await expect(guest.getByText(/^Project board · active · shared .+ by Bakers$/)).toBeVisible();
  const todo = guest.getByRole("region", { name: /To do/ });
  await expect(todo.getByTestId("shared-task")).toHaveCount(2);
  await expect(todo).toContainText("Bake test batch");
  await expect(guest.getByRole("region", { name: /Done/ })).toContainText("No tasks.");
  await expect(guest.getByRole("heading", { name: "The project's chat" })).toHaveCount(0);
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const axe = await new AxeBuilder({ page: guest }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  await expectNothingPrivate(visitor.request, url, [owner.email, owner.email.toLowerCase(), owner.username, CHAT_MARKER, project.id]);
  await guest.setViewportSize({ width: 360, height: 740 });
  await expect(guest.getByTestId("shared-task").first()).toBeVisible();
  expect(await guest.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);

  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Shared links" });
  const item = list.getByRole("listitem").filter({ hasText: "Bakery launch" });
  await expect(item).toContainText("Board");
  await expect(item).toContainText(/[1-9]\d* views?/);
  await item.getByRole("button", { name: "Revoke link to Bakery launch" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(item).toContainText("Revoked");
  expect((await visitor.request.get(url)).status()).toBe(404);
  await visitor.close();
});

test("a share page prints without its chrome: no sign-in line, no buttons; the conversation stays", async ({ page, user, browser }) => {
  void user;
  const chat = await page.request.post("/api/v1/conversations", { data: { roleId: "chatcraft-guide", details: {} } });
  const conversationId = ((await chat.json()) as { id: string }).id;
  const shared = await page.request.post("/api/v1/shares", { data: { conversationId } });
  expect(shared.status(), await shared.text()).toBe(201);
  const token = ((await shared.json()) as { token: string }).token;
  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto(`/s/${token}`);
  await expect(guest.getByRole("link", { name: "Sign in" })).toBeVisible();
  await guest.emulateMedia({ media: "print" });
  await expect(guest.getByRole("link", { name: "Sign in" })).toBeHidden();
  await expect(guest.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(guest.getByTestId("shared-conversation")).toBeVisible();
  await visitor.close();
});
