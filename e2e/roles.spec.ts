import { expect, test } from "./fixtures";

test("catalog search and category filter find Financial Advisor", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/roles");
  const cards = page.getByTestId("role-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(12);

  await page.getByLabel("Search roles").fill("zzz-no-such-role");
  await expect(page.getByText("No roles match your search")).toBeVisible();
  await expect(cards).toHaveCount(0);

  await page.getByLabel("Search roles").fill("financial");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Financial Advisor");

  // The category chip of Financial Advisor keeps it; another category hides it.
  await page.getByLabel("Search roles").fill("");
  const category = (await page.getByTestId("role-card").filter({ hasText: "Financial Advisor" }).locator("[data-slot=badge]").first().textContent())!.trim();
  const filters = page.getByRole("group", { name: "Filter by category" });
  await filters.getByRole("button", { name: category, exact: true }).click();
  await expect(filters.getByRole("button", { name: category, exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(cards.filter({ hasText: "Financial Advisor" })).toHaveCount(1);
  await expect(cards.filter({ hasText: "Tech Support" })).toHaveCount(0);
});

test("create a custom role with two fields and chat with it", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/roles");
  await page.getByRole("link", { name: "New role" }).click();
  await expect(page).toHaveURL(/\/roles\/new$/);

  await page.getByLabel("Name").fill("Plant Doctor");
  await page.getByLabel("Description").fill("Diagnoses sad houseplants from what you describe.");
  await page.getByRole("combobox", { name: "Category" }).fill("Home");
  await page.getByLabel("Instructions").fill("You are a calm plant doctor. Ask about light, water and soil before diagnosing.");

  const first = page.getByRole("group", { name: "Field 1" });
  await first.getByLabel("Label").fill("Plant name");
  await expect(first.getByLabel("Key")).toHaveValue("plant_name");
  await first.getByLabel("Required").check();

  await page.getByRole("button", { name: "Add field" }).click();
  const second = page.getByRole("group", { name: "Field 2" });
  await second.getByLabel("Label").fill("Light");
  await second.getByLabel("Type").selectOption("select");
  await second.getByLabel("Options").fill("Full sun\nPartial shade\nDark corner");

  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(/\/roles\/custom-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Plant Doctor" })).toBeVisible();
  await expect(page.getByText("Custom", { exact: true })).toBeVisible();

  // The form is rendered from the two fields; the required one is checked in the browser.
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page.locator("[data-slot=form-field-error]")).toContainText(/./);
  await page.getByLabel("Plant name").fill("Monstera");
  await page.getByLabel("Light").selectOption("Dark corner");
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  await expect(page.getByRole("main").getByRole("link", { name: "Plant Doctor" })).toBeVisible();

  await page.getByLabel("Message", { exact: true }).fill("Its leaves are turning yellow.");
  await page.getByRole("button", { name: "Send message" }).click();
  const reply = page.getByTestId("ai-message").last();
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 30_000 });
  await expect(reply.locator(".markdown")).toContainText(/\w+/);

  await page.getByRole("button", { name: "What the AI knows" }).click();
  await expect(page.getByTestId("details-card")).toContainText("Monstera");
  await expect(page.getByTestId("details-card")).toContainText("Dark corner");
});

test("customize a built-in role, edit the copy, then delete it", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/roles/tech-support");
  await page.getByRole("button", { name: "Customize" }).click();
  await expect(page).toHaveURL(/\/roles\/custom-[a-z0-9-]+\/edit$/);
  await expect(page.getByLabel("Name")).toHaveValue("Tech Support (copy)");
  // The copy keeps the built-in role's fields.
  await expect(page.getByRole("group", { name: "Field 1" }).getByLabel("Label")).toHaveValue("Device and operating system");

  await page.getByLabel("Name").fill("Home Office Help Desk");
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page).toHaveURL(/\/roles\/custom-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Home Office Help Desk" })).toBeVisible();
  const roleUrl = page.url();

  await page.goto("/roles");
  await page.getByLabel("Search roles").fill("home office");
  await expect(page.getByTestId("role-card")).toHaveCount(1);
  // The built-in role is untouched.
  await page.getByLabel("Search roles").fill("tech support");
  await expect(page.getByTestId("role-card").filter({ hasText: "Tech Support" })).toHaveCount(1);

  await page.goto(roleUrl);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete role" }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await page.getByLabel("Search roles").fill("home office");
  await expect(page.getByText("No roles match your search")).toBeVisible();
  await page.goto(roleUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Role not found" })).toBeVisible();
});
