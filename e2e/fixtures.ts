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

/**
 * Collects Content-Security-Policy violations a page reports in its console (Chromium logs every
 * refused script, style or connection there). Returns the list, filled as the page runs.
 */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  return violations;
}

/**
 * Also collects the violations the console does not show — a blocked `eval` probe a library
 * catches, for instance, which still sends a report to /api/csp-report — from the document's
 * `securitypolicyviolation` events.
 */
async function watchCspEvents(page: Page, violations: string[]): Promise<void> {
  await page.exposeBinding("__chatcraftCspViolation", ({ page: from }, text: string) => violations.push(`${from.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __chatcraftCspViolation: (text: string) => void }).__chatcraftCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

/**
 * Every spec's `page` fails its test on any CSP violation, and `user` is a freshly registered,
 * signed-in user for each test. Pages a test opens itself can use watchCsp.
 */
export const test = base.extend<{ user: TestUser }>({
  page: async ({ page }, use) => {
    const violations = watchCsp(page);
    await watchCspEvents(page, violations);
    await use(page);
    expect(violations, "Content-Security-Policy violations in the console").toEqual([]);
  },
  user: async ({ page }, use) => {
    const user = makeUser();
    await signUp(page, user);
    await use(user);
  },
});

export { expect };
