/**
 * No request can make the server answer 5xx (issue 8, item 6): malformed percent-encoding in
 * every page and handler path, oversized and wrong-shaped form fields and action arguments,
 * non-JSON bodies. Driven over HTTP and through the browser, signed in and signed out.
 */
import type { APIRequestContext, Page, Request } from "@playwright/test";
import { expect, makeUser, signUp, test } from "./fixtures";

const PAGES = ["/", "/login", "/register", "/dashboard", "/roles", "/roles/new", "/settings", "/projects", "/chat"];
const MALFORMED = ["%ff", "%E0%A4%A", "%", "%zz", "x%00y"];
const API_PATHS = ["/api/chat/%ff/reply", "/api/chat/%E0%A4%A/reply", "/api/%ff", "/api/v1/%ff", "/api/auth/%ff", "/api/health/%ff"];

async function expectNo5xxOnPaths(request: APIRequestContext) {
  const failures: string[] = [];
  for (const base of PAGES) {
    for (const bad of MALFORMED) {
      const path = `${base === "/" ? "" : base}/${bad}`;
      const response = await request.get(path, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`GET ${path} → ${response.status()}`);
    }
  }
  for (const path of API_PATHS) {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await request.fetch(path, { method, data: method === "POST" ? { mode: "send", text: "x" } : undefined, maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${method} ${path} → ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
}

test("malformed percent-encoding: 404 page or 400 problem+json, never 5xx, signed out and in", async ({ page, request }) => {
  const chat = await request.get("/chat/%ff", { maxRedirects: 0 });
  expect(chat.status()).toBe(404);
  expect((await request.get("/roles/%E0%A4%A", { maxRedirects: 0 })).status()).toBe(404);
  const reply = await request.post("/api/chat/%ff/reply", { data: { mode: "send", text: "hi" } });
  expect(reply.status()).toBe(400);
  expect(reply.headers()["content-type"]).toContain("application/problem+json");
  await expectNo5xxOnPaths(request);

  await signUp(page, makeUser());
  await expectNo5xxOnPaths(page.context().request);
  await page.goto("/chat/%ff");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
});

test("the reply API refuses anything but application/json with 415 problem+json", async ({ page, user }) => {
  void user;
  const request = page.context().request;
  const path = "/api/chat/0123456789abcdef01234567/reply";
  const cases: [string, Parameters<APIRequestContext["post"]>[1]][] = [
    ["text/plain", { headers: { "content-type": "text/plain" }, data: '{"mode":"send","text":"hi"}' }],
    ["form", { form: { mode: "send", text: "hi" } }],
    ["multipart", { multipart: { mode: "send", text: "hi" } }],
  ];
  for (const [name, options] of cases) {
    const response = await request.post(path, options);
    expect(response.status(), name).toBe(415);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  }
});

/** Submits the page's form, rewriting the action request's body on its way out. */
async function submitRewritten(page: Page, button: string, rewrite: (request: Request) => { postData?: string; headers?: Record<string, string> }) {
  let status = 0;
  let body = "";
  let rewritten = false;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (rewritten || request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    rewritten = true;
    const changed = rewrite(request);
    const response = await route.fetch({ postData: changed.postData, headers: { ...request.headers(), ...changed.headers } });
    body = await response.text();
    status = response.status();
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: button }).click();
  await expect.poll(() => status).toBeGreaterThan(0);
  await page.unroute("**/*");
  return { status, body };
}

test("a 1 MB sign-in or sign-up field gets the form's own error, not a 500", async ({ page }) => {
  const huge = "a".repeat(1024 * 1024);
  await page.goto("/login");
  await page.getByLabel("Username or email").fill("HUGE_FIELD");
  await page.getByLabel("Password", { exact: true }).fill("whatever");
  const signIn = await submitRewritten(page, "Sign in", (request) => ({ postData: request.postData()!.replace("HUGE_FIELD", huge) }));
  expect(signIn.status).toBeLessThan(500);
  await expect(page.getByText("That is longer than any username or email.")).toBeVisible();

  await page.goto("/register");
  const user = makeUser();
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill("HUGE_FIELD_PW");
  const signUp = await submitRewritten(page, "Create account", (request) => ({ postData: request.postData()!.replace("HUGE_FIELD_PW", huge) }));
  expect(signUp.status).toBeLessThan(500);
  await expect(page.getByText(/Password must be at most 72 bytes/)).toBeVisible();
});

test("the sign-in action called with JSON arguments answers with the form's error; an oversized action is 413", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill("someone");
  await page.getByLabel("Password", { exact: true }).fill("whatever");
  const answer = await submitRewritten(page, "Sign in", () => ({
    postData: JSON.stringify([{ status: "idle" }, { identifier: "someone", password: "whatever" }]),
    headers: { "content-type": "text/plain;charset=UTF-8" },
  }));
  expect(answer.status).toBeLessThan(500);
  // The action read no form, so it answered with the form's own field error.
  expect(answer.body).toContain("Enter your username or email.");

  const tooBig = await page.context().request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(3 * 1024 * 1024),
  });
  expect(tooBig.status()).toBe(413);
});

/** The sign-in form's real action id, read off the browser's own action post. */
async function signInActionId(page: Page): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(makeUser().username);
  await page.getByLabel("Password", { exact: true }).fill("whatever");
  const posted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await page.getByRole("button", { name: "Sign in" }).click();
  const id = (await posted).headers()["next-action"] ?? "";
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username/email or password" })).toBeVisible();
  return id;
}

test("a server action from a foreign or null Origin is refused with 403 problem+json, not a 500", async ({ page }) => {
  const action = await signInActionId(page);
  const request = page.context().request;
  const body = JSON.stringify([{ status: "idle" }, { identifier: "someone", password: "whatever" }]);
  const headers = { "next-action": action, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1", "not a url"]) {
    const response = await request.post("/login", { headers: { ...headers, origin }, data: body });
    expect(response.status(), origin).toBe(403);
    expect(response.headers()["content-type"], origin).toContain("application/problem+json");
    expect((await response.json()).code, origin).toBe("forbidden:origin");
  }
  // A no-JS (multipart) form post from elsewhere too.
  const form = await request.post("/login", { headers: { origin: "https://evil.example" }, multipart: { $ACTION_ID_0: "x" } });
  expect(form.status()).toBe(403);
  // The same call from the app's own origin still reaches the action.
  const own = await request.post("/login", { headers: { ...headers, origin: new URL(page.url()).origin }, data: body });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("Enter your username or email.");
});

test("server-action bodies React cannot decode get 400 problem+json, never 5xx", async ({ page }) => {
  const action = await signInActionId(page);
  const request = page.context().request;
  const origin = new URL(page.url()).origin;
  const text = { "next-action": action, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin };
  const malformed = [
    '"$Q0"', '["$Q0"]', '["$W0"]', '["$i0"]', '["$1"]', '["$@1"]', '["$h0"]', '["$nabc"]', '["$Z"]', '["$"]',
    '{"a":"$0"}', '["$0:nothing"]', '["$A1"]', '["$R1"]', "not json", '[{"status":"idle"},', "",
    // Not an argument list: Next.js applies the action to the root value.
    '"x"', '"$T"', "{}", "null",
  ];
  const failures: string[] = [];
  for (const data of malformed) {
    const response = await request.post("/login", { headers: text, data });
    if (response.status() !== 400 || !response.headers()["content-type"]?.includes("application/problem+json")) {
      failures.push(`${JSON.stringify(data)} → ${response.status()}`);
    }
  }
  const multipart = { "next-action": action, accept: "text/x-component", origin };
  const forms: Record<string, string>[] = [
    { "1": '{"identifier":"a"}' }, // no root row
    { "0": '["$1","$2"]', "1": "{}" }, // a missing row
    { "0": '["$Q1"]', "1": '{"not":"entries"}' }, // a Map from a non-array
    { "0": '["$1"]', "1": '["$1"]' }, // a cycle
    { "0": "{nope" },
    { "0": '["$W1"]', "1": "[1]" }, // a row that refers to one sent after it
    { S0: "[]", "0": "[]" }, // a stream row
  ];
  for (const fields of forms) {
    const response = await request.post("/login", { headers: multipart, multipart: fields });
    if (response.status() !== 400) failures.push(`multipart ${JSON.stringify(fields)} → ${response.status()}`);
  }
  expect(failures).toEqual([]);

  // What the browser itself sends still works: JSON arguments, and FormData as a multipart reply.
  const json = await request.post("/login", { headers: text, data: JSON.stringify([{ status: "idle" }, { identifier: "someone", password: "whatever" }]) });
  expect(json.status()).toBe(200);
  // The FormData's own entries first and the root row last, in the order React's encodeReply writes them.
  const reply = new FormData();
  reply.append("_1_identifier", makeUser().username);
  reply.append("_1_password", "whatever");
  reply.append("0", '[{"status":"idle"},"$K1"]');
  const form = await request.post("/login", { headers: multipart, multipart: reply });
  expect(form.status()).toBe(200);
  expect(await form.text()).toContain("Invalid username/email or password");
});
