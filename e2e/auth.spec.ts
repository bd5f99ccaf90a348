import type { Page } from "@playwright/test";
import { expect, makeUser, signIn, signOut, signUp, test } from "./fixtures";

test("sign up, sign out, sign in with email, and a wrong password is refused", async ({ page }) => {
  const user = makeUser();
  await signUp(page, user);
  await expect(page.getByRole("heading", { name: /dashboard/i })).toBeVisible();

  await signOut(page);
  await page.goto("/login");
  await signIn(page, user.email.toUpperCase(), "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username/email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a taken username is reported on the username field", async ({ page, browser }) => {
  const first = makeUser();
  await signUp(page, first);

  const other = await browser.newPage();
  await other.goto("/register");
  await other.getByLabel("Username").fill(first.username);
  await other.getByLabel("Email").fill(`someone.else.${first.username}@example.com`);
  await other.getByLabel("Password", { exact: true }).fill("another-password");
  await other.getByRole("button", { name: "Create account" }).click();
  const username = other.getByLabel("Username");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(other.getByText(/username is already taken/i)).toBeVisible();
  await expect(other).toHaveURL(/\/register/);
  await other.close();
});

test("a protected page redirects to login and back after signing in", async ({ page }) => {
  const user = makeUser();
  await signUp(page, user);
  await signOut(page);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
  await signIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/settings$/);
});

test("a session ended elsewhere lands on /login with the page as callbackUrl, and signing in returns there", async ({ browser, page, user }) => {
  test.slow(); // two browsers
  // This browser's cookie stays valid; its server-side session is ended from a second device.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await signIn(other, user.username, user.password);
  await expect(other).toHaveURL(/\/dashboard$/);
  await other.goto("/settings");
  await other.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(other.getByText("Every other device is signed out.", { exact: true })).toBeVisible();
  await other.context().close();

  await page.goto("/projects/new?from=revoked");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprojects%2Fnew%3Ffrom%3Drevoked$/);
  await signIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/projects\/new\?from=revoked$/);
  await expect(page.getByRole("textbox", { name: /Project goal/ })).toBeVisible();
});

test("the API answers 401 problem+json, not a redirect, when signed out", async ({ request }) => {
  const response = await request.get("/api/v1/conversations", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body.status).toBe(401);
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.db.ok).toBe(true);
  expect(typeof body.db.latencyMs).toBe("number");
});

test("a session cookie copied before sign-out is refused afterwards: page, API, action and /api/auth/session", async ({ browser, page, user }) => {
  test.slow(); // three browser contexts
  // The "copy" is a second browser holding the very same cookies, with a settings page already open.
  const stolen = await browser.newContext({ storageState: await page.context().storageState() });
  const stale = await stolen.newPage();
  await stale.goto("/settings");
  await expect(stale.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect((await (await stolen.request.get("/api/auth/session")).json())?.user?.email).toBe(user.email.toLowerCase());

  await signOut(page);

  // Action: the open page's form now answers that the session has ended.
  await stale.getByLabel("Current password").fill(user.password);
  await stale.getByLabel("New password", { exact: true }).fill("another-password-1");
  await stale.getByLabel("Confirm new password").fill("another-password-1");
  await stale.getByRole("button", { name: "Change password" }).click();
  await expect(stale.getByText("Your session has ended. Sign in again to continue.")).toBeVisible();
  // Page.
  await stale.goto("/dashboard");
  await expect(stale).toHaveURL(/\/login/);
  // API.
  const copy = await browser.newContext({ storageState: await stolen.storageState() });
  const api = await copy.request.post("/api/chat/0123456789abcdef01234567/reply", { data: { mode: "send", text: "hi" } });
  expect(api.status()).toBe(401);
  // next-auth's own session endpoint.
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  await copy.close();
  await stolen.close();

  // The old password still works (the action was refused), and signing in again works.
  await page.goto("/login");
  await signIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a deleted account's copied cookie gets nothing from /api/auth/session", async ({ browser, page, user }) => {
  const copy = await browser.newContext({ storageState: await page.context().storageState() });
  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete account" }).click();
  await page.getByRole("alertdialog").getByRole("textbox").fill(user.username);
  await page.getByRole("alertdialog").getByRole("button", { name: /delete/i }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await (await copy.request.get("/api/auth/session")).json()).toBeNull();
  await copy.close();
});

/**
 * Submits the sign-in form and waits until the form is ready again: the server has answered and
 * React has reset the form (the password field empties). Filling the next attempt before that reset
 * would be wiped by it, and the empty form would never be sent.
 */
async function answeredSignIn(page: Page, identifier: string, password: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login");
  await signIn(page, identifier, password);
  await answered;
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("failures elsewhere make the account wait (the form says how long) but not the owner's device; Bearer alone opens no session API", async ({ browser, page, request }) => {
  test.slow(); // eight sign-in attempts
  const user = makeUser();
  await signUp(page, user);
  await signOut(page);
  const bearer = { Authorization: "Bearer not-a-real-token" };
  expect((await request.post("/api/chat/0123456789abcdef01234567/reply", { headers: bearer, data: { mode: "send", text: "x" } })).status()).toBe(401);
  // (/api/v1/openapi.json is public, e2e/api.spec.ts; the rest of /api/v1 is not.)
  expect((await request.get("/api/v1/me", { maxRedirects: 0 })).status()).toBe(401);

  // Someone else, in another browser: five wrong passwords are free, the sixth makes the account wait.
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  await attacker.goto("/login");
  for (let i = 0; i < 6; i += 1) await answeredSignIn(attacker, i % 2 ? user.username : user.email, `wrong-${i}`);
  await expect(attacker.getByRole("alert").filter({ hasText: /Try again in 1[0-5] seconds/ })).toBeVisible();
  // Even the right password waits in that browser…
  await answeredSignIn(attacker, user.username, user.password);
  await expect(attacker.getByRole("alert").filter({ hasText: /Try again in \d+ seconds?/ })).toBeVisible();
  await expect(attacker).toHaveURL(/\/login/);
  await attackerContext.close();
  // …but the owner's browser, which signed in before (its device cookie), is let in at once.
  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});
