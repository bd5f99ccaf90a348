import type { Page } from "@playwright/test";
import { expect, signIn, signOut, test } from "./fixtures";

test("change password: this device stays signed in, another is signed out, and only the new password works", async ({ browser, page, user }) => {
  test.slow(); // two browsers and five sign-ins on a shared CI machine
  const otherDevice = await browser.newPage();
  await otherDevice.goto("/login");
  await signIn(otherDevice, user.email, user.password);
  await expect(otherDevice).toHaveURL(/\/dashboard$/);

  await page.goto("/settings");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Confirm new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/password changed/i)).toBeVisible();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/login/);
  await otherDevice.close();

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

test("signed-in devices: this device is marked, another can be signed out, then everywhere else", async ({ browser, page, user }) => {
  test.slow(); // three browsers
  const devices: Page[] = [];
  for (let i = 0; i < 2; i += 1) {
    const other = await (await browser.newContext()).newPage();
    await other.goto("/login");
    await signIn(other, user.username, user.password);
    await expect(other).toHaveURL(/\/dashboard$/);
    devices.push(other);
  }

  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Signed-in devices" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByText("This device")).toHaveCount(1);
  await expect(list.getByRole("listitem").first()).toContainText(/^Chrome on \w+/);

  await list.getByRole("button", { name: /^Sign out / }).first().click();
  await expect(page.getByText(/^Chrome on \w+ is signed out\.$/)).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  const signedOut = [];
  for (const other of devices) {
    await other.goto("/dashboard");
    signedOut.push(/\/login/.test(other.url()));
  }
  expect(signedOut.filter(Boolean)).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Every other device is signed out.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  for (const other of devices) {
    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/login/);
    await other.context().close();
  }
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
});
