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
