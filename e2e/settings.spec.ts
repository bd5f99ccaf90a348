import { expect, signIn, signOut, test } from "./fixtures";

test("change password, then sign in with the new one", async ({ page, user }) => {
  await page.goto("/settings");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Confirm new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/password changed/i)).toBeVisible();

  await signOut(page);
  await page.goto("/login");
  await signIn(page, user.username, user.password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username/email or password" })).toBeVisible();
  await signIn(page, user.username, "brand-new-password");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("delete account after typing the username, then sign in fails", async ({ page, user }) => {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("textbox").fill("not-my-name");
  await expect(dialog.getByRole("button", { name: /delete/i })).toBeDisabled();
  await dialog.getByRole("textbox").fill(user.username);
  await dialog.getByRole("button", { name: /delete/i }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/login");
  await signIn(page, user.username, user.password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username/email or password" })).toBeVisible();
});
