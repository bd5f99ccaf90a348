/**
 * Issue 7's main flow in Chromium: dashboard → Create project → a planning chat → the plan card
 * (untick one task, edit one) → Create project → the board holds exactly the kept tasks → move
 * tasks to Done by mouse and by keyboard → in the project chat ask for a task → apply the change
 * card → it appears → reload → Clear history keeps the tasks → the dashboard shows progress and
 * the task due soon. Gemini answers through the real SDK from the fake server; the last test runs
 * the same creation flow on the demo app, with no key.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { scriptGemini } from "./gemini-control";

const DEMO_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** A calendar day `days` from today, as the plan schema wants it. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(page.getByTestId("user-message").last()).toContainText(text);
}

async function startPlanning(page: Page, goal: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Create project" })).toBeVisible();
  await page.getByRole("textbox", { name: /Project goal/ }).fill(goal);
  await page.getByRole("button", { name: "Start planning" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
}

/** The board saves a move with a server action after the drop; resolves when the server answered. */
function moveSaved(page: Page): Promise<unknown> {
  return page.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
}

function column(page: Page, status: "todo" | "doing" | "done"): Locator {
  return page.getByTestId(`column-${status}`);
}

function titlesIn(page: Page, status: "todo" | "doing" | "done"): Promise<string[]> {
  return column(page, status).getByTestId("task-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-task-title") ?? ""));
}

test("plan a project in conversation, then keep board and chat in step", async ({ page, user }) => {
  void user;
  // One long story on a shared, slow machine: the default 60 s is for a single step.
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const ask = `Plan my bakery website ${tag}`;
  const soon = dayFromNow(3);

  await test.step("dashboard → Create project → a Project Planner chat in planning mode", async () => {
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Create project" }).first().click();
    await expect(page).toHaveURL(/\/projects\/new$/);
    await startPlanning(page, "Launch a bakery website with online orders");
  });

  await test.step("arguments that fail validation: “I couldn't turn that into a plan” with Retry, then a plan", async () => {
    await scriptGemini(
      { for: "stream", whenLastUserIncludes: ask, chunks: ["Drafting. "], functionCall: { name: "propose_plan", args: { name: "Bakery", tasks: [{ title: "Launch", dueDate: "10000-01-01" }] } } },
      {
        for: "stream",
        whenLastUserIncludes: ask,
        functionCall: {
          name: "propose_plan",
          args: {
            name: `Bakery website ${tag}`,
            description: "Cakes online",
            tasks: [
              { title: "Register a domain", priority: "high", dueDate: soon },
              { title: "Hire a photographer", priority: "low" },
              { title: "Write the menu", priority: "medium" },
            ],
          },
        },
      },
    );
    await send(page, ask);
    const failed = page.getByTestId("ai-message").last();
    await expect(failed).toHaveAttribute("data-status", "error");
    await expect(failed).toContainText("I couldn't turn that into a plan");
    await expect(page.getByTestId("plan-card")).toHaveCount(0);
    await failed.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByTestId("plan-card")).toBeVisible();
    await expect(page.getByTestId("plan-task")).toHaveCount(3);
  });

  await test.step("untick one task, edit another, Create project → the board shows exactly the kept tasks", async () => {
    const card = page.getByTestId("plan-card");
    await card.getByRole("checkbox", { name: "Keep task 2" }).click();
    await expect(card.getByText("(2 of 3 kept)")).toBeVisible();
    await card.getByRole("textbox", { name: "Task 3 title" }).fill("Write the cake menu");
    await card.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[a-f0-9]{24}$/);
    await expect(page.getByTestId("project-name")).toHaveText(`Bakery website ${tag}`);
    await expect.poll(() => titlesIn(page, "todo")).toEqual(["Register a domain", "Write the cake menu"]);
    await expect(page.getByTestId("task-card")).toHaveCount(2);
  });

  await test.step("move a task to Done with the mouse", async () => {
    const handle = page.getByRole("button", { name: "Move Write the cake menu" });
    const target = column(page, "done").getByRole("list");
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 15 });
    const saved = moveSaved(page);
    await page.mouse.up();
    await saved;
    await expect(column(page, "done").getByTestId("task-card")).toHaveAttribute("data-task-title", "Write the cake menu");
  });

  await test.step("in the project chat, ask for a task and apply the change card: it appears on the board", async () => {
    const request = `add a task: order cake boxes ${tag}`;
    await scriptGemini({
      for: "stream",
      whenLastUserIncludes: request,
      chunks: ["Good idea."],
      functionCall: { name: "propose_changes", args: { summary: "Add cake boxes", changes: [{ type: "add_task", task: { title: `Order cake boxes ${tag}`, priority: "high" } }] } },
    });
    await send(page, request);
    const card = page.getByTestId("change-card");
    await expect(card).toContainText(`Add task “Order cake boxes ${tag}” (high priority)`);
    await expect(page.getByTestId("task-card")).toHaveCount(2);
    await card.getByRole("button", { name: "Apply" }).click();
    await expect(card).toHaveAttribute("data-state", "applied");
    await expect(column(page, "todo").locator(`[data-task-title="Order cake boxes ${tag}"]`)).toBeVisible();
  });

  await test.step("move a task to Done with the keyboard", async () => {
    const title = `Order cake boxes ${tag}`;
    const card = (status: "doing" | "done") => column(page, status).locator(`[data-task-title="${title}"]`);
    const handle = page.getByRole("button", { name: `Move ${title}` });
    await handle.focus();
    // Each key waits for the board to answer the one before.
    await page.keyboard.press("Space");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowRight");
    await expect(card("doing")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(card("done")).toBeVisible();
    const saved = moveSaved(page);
    await page.keyboard.press("Space");
    await saved;
    await expect(handle).not.toHaveAttribute("aria-pressed", "true");
    await expect(card("done")).toBeVisible();
  });

  await test.step("reload: the board and the chat, with its applied card, are all still there", async () => {
    await page.reload();
    await expect.poll(() => titlesIn(page, "todo")).toEqual(["Register a domain"]);
    await expect.poll(async () => (await titlesIn(page, "done")).sort()).toEqual([`Order cake boxes ${tag}`, "Write the cake menu"].sort());
    await expect(page.getByTestId("change-card")).toHaveAttribute("data-state", "applied");
    await expect(page.getByTestId("plan-card")).toHaveAttribute("data-state", "applied");
  });

  await test.step("Clear history empties the chat and keeps the tasks", async () => {
    await page.getByRole("region", { name: "Project chat" }).getByRole("button", { name: "Clear history" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Clear history" }).click();
    await expect(page.getByTestId("ai-message")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("ai-message")).toHaveCount(0);
    await expect(page.getByTestId("task-card")).toHaveCount(3);
  });

  await test.step("the dashboard shows the project's progress and the task due soon", async () => {
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: /Active projects/ })).toContainText(`Bakery website ${tag}`);
    await expect(page.getByRole("region", { name: /Active projects/ }).getByRole("progressbar")).toBeVisible();
    await expect(page.getByRole("region", { name: /Active projects/ })).toContainText(/2 of 3|67\s?%/);
    await expect(page.getByTestId("due-tasks")).toContainText("Register a domain");
  });
});

test.describe("with the demo model (no key)", () => {
  test.use({ baseURL: DEMO_URL });

  test("the same creation flow works offline: one task per bullet", async ({ page, user }) => {
    void user;
    await page.goto("/projects/new");
    await startPlanning(page, "Spring fair at the school");
    await send(page, "- Book the hall by 2027-03-01\n- Print flyers\n- Ask for volunteers");
    const card = page.getByTestId("plan-card");
    await expect(card).toBeVisible();
    await expect(page.getByTestId("ai-message").last()).toContainText("Demo reply");
    await expect(card.getByRole("textbox", { name: "Project name" })).toHaveValue("Spring fair at the school");
    await expect(card.getByLabel("Task 1 due date")).toHaveValue("2027-03-01");
    await card.getByRole("checkbox", { name: "Keep task 3" }).click();
    await card.getByRole("combobox", { name: "Task 2 priority" }).selectOption("high");
    await card.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[a-f0-9]{24}$/);
    await expect.poll(() => titlesIn(page, "todo")).toEqual(["Book the hall", "Print flyers"]);

    await send(page, "add a task: thank the volunteers");
    await page.getByTestId("change-card").getByRole("button", { name: "Apply" }).click();
    await expect(column(page, "todo").locator('[data-task-title="thank the volunteers"]')).toBeVisible();
  });

  test("on a phone the plan card fits the screen and still creates the project", async ({ page, user }) => {
    void user;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/projects/new");
    await startPlanning(page, "Garage sale");
    await send(page, "- Sort the boxes by 2027-04-10\n- Price everything with a long descriptive label for each item\n- Put up signs");
    const card = page.getByTestId("plan-card");
    await expect(card).toBeVisible();
    // Nothing in the card reaches past the screen's edge, and the page does not scroll sideways.
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const control of [card.getByLabel("Task 1 due date"), card.getByRole("combobox", { name: "Task 3 priority" })]) {
      const controlBox = (await control.boundingBox())!;
      expect(controlBox.x + controlBox.width).toBeLessThanOrEqual(360);
    }
    await card.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/projects\/[a-f0-9]{24}$/);
    await expect.poll(() => titlesIn(page, "todo")).toHaveLength(3);
  });
});
