/**
 * The public API from a person's side: make a token in Settings (shown once), use it from a
 * program (plain fetch, no browser cookies) to list conversations and stream a reply, revoke it
 * in Settings and see the next call refused; and download my data.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { defaultReplyTo } from "./gemini-control";

function origin(): string {
  const baseURL = test.info().project.use.baseURL;
  expect(baseURL).toBeTruthy();
  return baseURL!.replace(/\/$/, "");
}

async function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  return fetch(`${origin()}${path}`, { ...init, headers, redirect: "manual" });
}

function sseEvents(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split("\n\n")
    .filter((frame) => frame.trim())
    .map((frame) => ({
      event: /^event: (.*)$/m.exec(frame)?.[1] ?? "",
      data: JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "{}") as Record<string, unknown>,
    }));
}

test("a token made in Settings is shown once, works from a program, and stops working when revoked", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/settings");
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  await page.getByLabel("Name").fill("e2e script");
  await page.getByLabel("Access").selectOption("read-write");
  await page.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByTestId("new-api-token");
  await expect(shown).toHaveText(/^cc_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!.trim();
  await expect(page.getByRole("button", { name: "Copy token" })).toBeVisible();
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText("e2e script");
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText(token.slice(0, 11));

  // Shown once: after a reload only the name and prefix remain.
  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText(`${token.slice(0, 11)}…`);
  await expect(page.locator("body")).not.toContainText(token);

  // From a program: start a conversation, list it, stream a reply.
  const created = await api("/api/v1/conversations", token, {
    method: "POST",
    body: JSON.stringify({ roleId: "chatcraft-guide", details: { chatcraft_experience: "Regular user" } }),
  });
  expect(created.status).toBe(201);
  const conversation = (await created.json()) as { id: string };
  const list = await api("/api/v1/conversations", token);
  expect(list.status).toBe(200);
  expect(((await list.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(conversation.id);

  const question = `How do I rename a chat? ${Date.now()}`;
  const reply = await api(`/api/v1/conversations/${conversation.id}/messages`, token, {
    method: "POST",
    body: JSON.stringify({ text: question }),
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  expect(reply.status).toBe(200);
  expect(reply.headers.get("content-type")).toMatch(/^text\/event-stream/);
  // Sent as it is produced: a compressor in the way would flush on every token, or hold them.
  expect(reply.headers.get("content-encoding")).toBeNull();
  const events = sseEvents(await reply.text());
  expect(events[0]).toMatchObject({ event: "user", data: { message: { message: question } } });
  expect(events.filter((e) => e.event === "text").map((e) => e.data.text).join("")).toBe(defaultReplyTo(question));
  expect(events.at(-1)).toMatchObject({ event: "done", data: { message: { sender: "ai", status: "complete" } } });

  // The reply is in the app too.
  await page.goto(`/chat/${conversation.id}`);
  await expect(page.getByText(defaultReplyTo(question))).toBeVisible();

  // A token never opens the signed-in pages (Settings, where tokens are managed).
  const settings = await api("/settings", token);
  expect(settings.status).toBeGreaterThanOrEqual(300);
  expect(settings.status).toBeLessThan(400);
  expect(settings.headers.get("location")).toContain("/login");

  // Revoke in Settings; the next call is 401 problem+json.
  await page.goto("/settings");
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Token revoked.")).toBeVisible();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  const after = await api("/api/v1/conversations", token);
  expect(after.status).toBe(401);
  expect(after.headers.get("content-type")).toMatch(/application\/problem\+json/);
});

test("the token form says what is wrong beside the field", async ({ page, user }) => {
  void user; // a fresh signed-in account
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("download my data", async ({ page, user }) => {
  await page.goto("/settings");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^chatcraft-export-\d{4}-\d{2}-\d{2}\.json$/);
  const body = JSON.parse(await readFile((await download.path())!, "utf8")) as Record<string, unknown> & { user: { username: string } };
  expect(body).toMatchObject({ format: "chatcraft-export", version: 1, user: { username: user.username } });
  expect(JSON.stringify(body)).not.toMatch(/passwordHash|tokenHash/);
});

test("the API reference renders from the OpenAPI document, within the CSP", async ({ page, user }) => {
  void user; // signed in (signed out works too: see the test below)
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "ChatCraft API", level: 1 })).toBeVisible();
  await expect(page.locator("#post-api-v1-conversations-conversationId-messages")).toContainText("Send a message and get the reply");
  await page.getByRole("link", { name: "Conversations", exact: true }).click();
  await expect(page).toHaveURL(/#tag-Conversations$/);
  const served = await page.request.get("/api/v1/openapi.json");
  expect(((await served.json()) as { openapi: string }).openapi).toBe("3.1.0");
});

test("a signed-out browser can read the API reference and fetch the OpenAPI document", async ({ page }) => {
  // No `user` fixture: this browser never signed in, and sends no token.
  const opened = await page.goto("/docs/api");
  expect(opened?.status()).toBe(200);
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "ChatCraft API", level: 1 })).toBeVisible();
  await expect(page.locator("#get-api-chat-history-userId")).toBeVisible();

  const served = await page.request.get("/api/v1/openapi.json", { maxRedirects: 0 });
  expect(served.status()).toBe(200);
  expect(served.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
  expect(((await served.json()) as { openapi: string }).openapi).toBe("3.1.0");
  // Public means the document only: the rest of /api/v1 still wants a session or a token.
  expect((await page.request.get("/api/v1/me", { maxRedirects: 0 })).status()).toBe(401);
});

