/**
 * The board, the projects list and the dashboard beyond issue 7's main flow (e2e/projects.spec.ts):
 * first-run states, add/edit with the message beside the field, reorder by keyboard, filters,
 * overdue marks, rename / mark done / reopen / delete with confirm (keeping the chat), and the
 * board as one list on a phone. Projects are created through the real planning flow on the demo
 * app (no key), which proposes one task per bullet.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const DEMO_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

// Each test signs up and plans a project through the chat before it starts; on a shared,
// loaded machine that alone can take most of the default minute.
test.describe.configure({ timeout: 180_000 });

function column(page: Page, status: "todo" | "doing" | "done"): Locator {
  return page.getByTestId(`column-${status}`);
}

function titlesIn(page: Page, status: "todo" | "doing" | "done"): Promise<string[]> {
  return column(page, status).getByTestId("task-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-task-title") ?? ""));
}

/** Plans a project on the demo model from bullet lines and accepts the plan as proposed. */
async function createProject(page: Page, goal: string, bullets: string[]): Promise<{ projectUrl: string; chatUrl: string }> {
  await page.goto("/projects/new");
  await page.getByRole("textbox", { name: /Project goal/ }).fill(goal);
  await page.getByRole("button", { name: "Start planning" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  const chatUrl = page.url();
  const message = page.getByLabel("Message", { exact: true });
  await message.fill(bullets.map((line) => `- ${line}`).join("\n"));
  await message.press("Enter");
  const card = page.getByTestId("plan-card");
  await card.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[a-f0-9]{24}$/);
  await expect(page.getByTestId("task-card")).toHaveCount(bullets.length);
  return { projectUrl: page.url(), chatUrl };
}

test.describe("first run", () => {
  test("a new user's dashboard and projects list explain what to do", async ({ page, user }) => {
    void user;
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Welcome to ChatCraft" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Quick actions" }).getByRole("link", { name: /New chat/ })).toHaveAttribute("href", "/roles");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All projects" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Create your first project" })).toHaveAttribute("href", "/projects/new");
  });
});

test.describe("the board on the demo app", () => {
  test.use({ baseURL: DEMO_URL });

  test("add, edit, reorder by keyboard, filter, and overdue marks — all kept on reload", async ({ page, user }) => {
    void user;
    await createProject(page, "Garden makeover", ["Buy seeds by 2026-01-05", "Dig the beds", "Plant tomatoes"]);

    await test.step("a past due date is marked overdue for the user's day", async () => {
      const seeds = page.locator('[data-task-title="Buy seeds"]');
      await expect(seeds.locator("[data-due-state]")).toHaveAttribute("data-due-state", "overdue");
      await expect(seeds).toContainText("Overdue");
    });

    await test.step("adding a task: the message sits beside the field, then it is saved", async () => {
      await page.getByRole("button", { name: "Add task", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Add a task" });
      await dialog.getByRole("button", { name: "Add task" }).click();
      await expect(dialog.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
      await expect(dialog).toContainText("Give the task a title.");
      await dialog.getByLabel("Title").fill("Water daily");
      await dialog.getByRole("combobox", { name: "Priority" }).click();
      await page.getByRole("option", { name: "High" }).click();
      await dialog.getByRole("button", { name: "Add task" }).click();
      await expect(dialog).toBeHidden();
      await expect(column(page, "todo").locator('[data-task-title="Water daily"]')).toContainText("high");
    });

    await test.step("editing a task's title and notes", async () => {
      await page.getByRole("button", { name: "Dig the beds", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Edit task" });
      await dialog.getByLabel("Title").fill("Dig the raised beds");
      await dialog.getByLabel("Notes").fill("Two beds, 1 m by 3 m.");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.locator('[data-task-title="Dig the raised beds"]')).toContainText("Two beds");
    });

    await test.step("reorder within To do with the keyboard", async () => {
      expect(await titlesIn(page, "todo")).toEqual(["Buy seeds", "Dig the raised beds", "Plant tomatoes", "Water daily"]);
      const handle = page.getByRole("button", { name: "Move Water daily" });
      await handle.focus();
      // Each key waits for dnd-kit's screen-reader announcement, as a keyboard user hears it, so a
      // busy machine cannot fold two arrow presses into one move.
      await page.keyboard.press("Space");
      // dnd-kit listens for arrows once it has measured the board; its first "is over" says so.
      await expect(page.getByRole("status").filter({ hasText: "Water daily is over To do, position 4." })).toBeAttached();
      await page.keyboard.press("ArrowUp");
      await expect(page.getByRole("status").filter({ hasText: "Water daily is over To do, position 3." })).toBeAttached();
      await page.keyboard.press("ArrowUp");
      await expect(page.getByRole("status").filter({ hasText: "Water daily is over To do, position 2." })).toBeAttached();
      await page.keyboard.press("Space");
      await expect.poll(() => titlesIn(page, "todo")).toEqual(["Buy seeds", "Water daily", "Dig the raised beds", "Plant tomatoes"]);
    });

    await test.step("move to Doing from the task's menu", async () => {
      await page.getByRole("button", { name: "Actions for Plant tomatoes", exact: true }).click();
      await page.getByRole("menuitem", { name: "Doing" }).click();
      await expect(column(page, "doing").locator('[data-task-title="Plant tomatoes"]')).toBeVisible();
      // The board shows a move at once and saves it after; the toast says the save is done.
      // Reloading before it aborted the save (and the keyboard reorder queued ahead of it), so the
      // reload step saw the old order now and then.
      await expect(page.getByText("Moved to Doing.")).toBeVisible();
    });

    await test.step("reload keeps every change", async () => {
      await page.reload();
      expect(await titlesIn(page, "todo")).toEqual(["Buy seeds", "Water daily", "Dig the raised beds"]);
      expect(await titlesIn(page, "doing")).toEqual(["Plant tomatoes"]);
      await expect(page.getByTestId("progress-text").first()).toHaveText("0 of 4 done");
    });

    await test.step("filters: high priority only, then overdue only", async () => {
      await page.getByRole("combobox", { name: "Priority" }).click();
      await page.getByRole("option", { name: "High" }).click();
      await expect(page.getByTestId("task-card")).toHaveCount(1);
      await expect(page.getByTestId("task-card")).toHaveAttribute("data-task-title", "Water daily");
      await page.getByRole("combobox", { name: "Priority" }).click();
      await page.getByRole("option", { name: "Any priority" }).click();
      await page.getByRole("combobox", { name: "Due" }).click();
      await page.getByRole("option", { name: "Overdue" }).click();
      await expect(page.getByTestId("task-card")).toHaveCount(1);
      await expect(page.getByTestId("task-card")).toHaveAttribute("data-task-title", "Buy seeds");
    });

    await test.step("delete a task after confirming", async () => {
      await page.getByRole("button", { name: "Actions for Buy seeds", exact: true }).click();
      await page.getByRole("menuitem", { name: "Delete" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete task" }).click();
      await expect(page.getByText("Task deleted.")).toBeVisible();
      await page.reload();
      await expect(page.locator('[data-task-title="Buy seeds"]')).toHaveCount(0);
      await expect(page.getByTestId("task-card")).toHaveCount(3);
    });
  });

  test("rename, mark done, reopen and delete a project, keeping its chat", async ({ page, user }) => {
    void user;
    const { projectUrl: url, chatUrl } = await createProject(page, "Bike tour", ["Plan the route", "Book hostels"]);

    await page.getByRole("button", { name: "Project actions" }).click();
    await page.getByRole("menuitem", { name: "Rename" }).click();
    const dialog = page.getByRole("dialog", { name: "Rename project" });
    await dialog.getByLabel("Name").fill("");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toContainText("Give the project a name.");
    await dialog.getByLabel("Name").fill("Alpine bike tour");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("project-name")).toHaveText("Alpine bike tour");

    await page.getByRole("button", { name: "Project actions" }).click();
    await page.getByRole("menuitem", { name: "Mark done" }).click();
    await expect(page.getByTestId("project-status")).toHaveText("Done");
    await page.goto("/projects");
    await expect(page.getByRole("region", { name: /Done/ })).toContainText("Alpine bike tour");
    await expect(page.getByRole("region", { name: /Active/ })).not.toContainText("Alpine bike tour");

    await page.goto(url);
    await page.getByRole("button", { name: "Project actions" }).click();
    await page.getByRole("menuitem", { name: "Reopen" }).click();
    await expect(page.getByTestId("project-status")).toHaveCount(0);

    await page.getByRole("button", { name: "Project actions" }).click();
    await page.getByRole("menuitem", { name: "Delete project" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByRole("checkbox", { name: "Also delete its chat" })).not.toBeChecked();
    await confirm.getByRole("button", { name: "Delete project" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "Project not found" })).toBeVisible();
    // The chat is kept, with its messages.
    await page.goto(chatUrl);
    await expect(page.getByTestId("user-message").first()).toContainText("Plan the route");
  });

  test("on a phone the board is one list, columns one under another", async ({ page, user }) => {
    void user;
    await page.setViewportSize({ width: 390, height: 844 });
    await createProject(page, "Move house", ["Pack books", "Hire a van"]);
    const todo = (await column(page, "todo").boundingBox())!;
    const doing = (await column(page, "doing").boundingBox())!;
    expect(doing.y).toBeGreaterThanOrEqual(todo.y + todo.height);
    expect(Math.abs(doing.x - todo.x)).toBeLessThan(2);
    expect(todo.width).toBeLessThanOrEqual(390);
  });
});
