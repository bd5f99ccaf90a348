import { expect, makeUser, signUp, test } from "../e2e/fixtures";

test("npm run dev at 127.0.0.1: pages come alive, a demo chat replies, and nothing reloads by itself", async ({ page }) => {
  const user = makeUser();
  const registerPage = await page.goto("/register");
  // proxy.ts gives every request an id and echoes it (the same id is on that request's log lines).
  expect(registerPage?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await signUp(page, user);

  // Client-side code runs only if the dev server let this origin load its resources.
  await page.getByRole("button", { name: "Open user menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/roles/chatcraft-guide");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Start chat" }) });
  await form.getByRole("combobox", { name: "Device" }).selectOption("Phone");
  await form.getByRole("button", { name: "Start chat" }).click({ timeout: 90_000 });
  await expect(page).toHaveURL(/\/chat\/[a-f0-9]{24}$/);
  await page.getByLabel("Message", { exact: true }).fill("Hello from the dev server");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  const reply = page.getByTestId("ai-message").last();
  await expect(reply).toHaveAttribute("data-status", "complete", { timeout: 60_000 });
  await expect(reply).toContainText("Hello from the dev server");

  // A measurement, not a synchronisation: count the page's own navigations over 10 idle seconds.
  let navigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await page.waitForTimeout(10_000);
  expect(navigations, "the page reloaded itself while idle").toBe(0);
});
