import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export interface TestUser {
  username: string;
  email: string;
  password: string;
}

export function makeUser(): TestUser {
  const id = randomBytes(4).toString("hex");
  return { username: `user_${id}`, email: `User.${id}@Example.com`, password: `pass-${id}-word` };
}

export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Open user menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/(login)?$/);
}

/** A freshly registered, signed-in user for each test. */
export const test = base.extend<{ user: TestUser }>({
  user: async ({ page }, use) => {
    const user = makeUser();
    await signUp(page, user);
    await use(user);
  },
});

export { expect };
