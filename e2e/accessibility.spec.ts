/**
 * Every page passes axe with no serious or critical violation, signed out and signed in, at desktop
 * width, at a 390 px phone width and in dark mode; at phone width no page scrolls sideways.
 * The pages that need data (a role, a chat, a project) get it through the app's own API with the
 * signed-in user's cookie.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SIGNED_OUT = ["/", "/login", "/register", "/docs/api"];

const VIEWS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, colorScheme: "light" as const },
  { name: "phone", viewport: { width: 390, height: 844 }, colorScheme: "light" as const },
  { name: "dark", viewport: { width: 1280, height: 800 }, colorScheme: "dark" as const },
];

/** Serious and critical axe violations on the current page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

async function audit(page: Page, paths: string[], phone: boolean): Promise<void> {
  const failures: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.locator("h1").first()).toBeVisible();
    for (const line of await seriousViolations(page)) failures.push(`${path}: ${line}`);
    if (phone) {
      const overflow = await page.evaluate(() => {
        const root = document.scrollingElement!;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      if (overflow.scrollWidth > overflow.clientWidth) failures.push(`${path}: scrolls sideways (${overflow.scrollWidth} > ${overflow.clientWidth})`);
    }
  }
  expect(failures).toEqual([]);
}

/** A role, a chat and a project of this user, made through the API. */
async function signedInPaths(page: Page): Promise<string[]> {
  const request = page.context().request;
  const roles = await request.get("/api/v1/roles");
  expect(roles.status()).toBe(200);
  const { id: roleId, isCustom: _isCustom, ...catalogRole } = (await roles.json()).items[0];
  // A copy with every field optional, so a chat can start with no details.
  const fields = catalogRole.fields.map((field: Record<string, unknown>) => ({ ...field, required: false }));
  const custom = await request.post("/api/v1/roles", { data: { ...catalogRole, fields, name: "Accessible copy" } });
  expect(custom.status()).toBe(201);
  const customId: string = (await custom.json()).id;
  const chat = await request.post("/api/v1/conversations", { data: { roleId: customId } });
  expect(chat.status(), await chat.text()).toBe(201);
  const conversationId: string = (await chat.json()).id;
  const project = await request.post("/api/v1/projects", {
    data: { name: "Accessible garden", description: "Beds and seeds", tasks: [{ title: "Buy seeds" }, { title: "Dig the beds" }] },
  });
  expect(project.status()).toBe(201);
  const projectId: string = (await project.json()).id;
  return [
    "/dashboard",
    "/roles",
    `/roles/${roleId}`,
    `/roles/${customId}/edit`,
    "/roles/new",
    `/chat/${conversationId}`,
    "/projects",
    `/projects/${projectId}`,
    "/projects/new",
    "/settings",
  ];
}

for (const view of VIEWS) {
  test.describe(`${view.name}`, () => {
    test.use({ viewport: view.viewport, colorScheme: view.colorScheme });
    // Thirteen pages, each audited by axe, on a shared machine.
    test.describe.configure({ timeout: 180_000 });

    test("signed-out pages", async ({ page }) => {
      await audit(page, SIGNED_OUT, view.name === "phone");
    });

    test("signed-in pages", async ({ page, user }) => {
      void user;
      const paths = await signedInPaths(page);
      await audit(page, paths, view.name === "phone");
    });
  });
}
