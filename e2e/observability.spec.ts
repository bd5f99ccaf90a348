import { expect, test } from "./fixtures";

// playwright.config.ts gives the main app this METRICS_TOKEN (the demo app has none).
const METRICS_TOKEN = "e2e-metrics-token-0123456789";

test("Prometheus can scrape /api/metrics with the token, and only with it", async ({ page, user, request }) => {
  void user; // signing up wrote a user through the app's MongoDB client
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const wrong = await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-metrics-token" } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()["content-type"]).toContain("application/problem+json");

  await page.goto("/dashboard");
  const scrape = await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scrape.status()).toBe(200);
  expect(scrape.headers()["content-type"]).toContain("text/plain");
  const text = await scrape.text();
  // Fed by the driver's command monitoring inside the running app.
  expect(text).toMatch(/^chatcraft_mongodb_command_duration_seconds_count\{command="insert",collection="users",outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^chatcraft_mongodb_pool_checkouts_total\{outcome="ok"\} [1-9]/m);
  // The refused scrapes above, timed by route and status.
  expect(text).toMatch(/^chatcraft_http_request_duration_seconds_count\{method="GET",route="\/api\/metrics",status="401"\} [2-9]/m);
  expect(text).toMatch(/^chatcraft_errors_total\{code="unauthorized:metrics"\} [2-9]/m);
  expect(text).toContain("process_resident_memory_bytes");
});

test("every response carries one request id, and an API error names the same id", async ({ request }) => {
  const page = await request.get("/login");
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const refused = await request.get("/api/metrics");
  const id = refused.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // The route handler read the id proxy.ts forwarded; it did not make its own.
  expect((await refused.json()).requestId).toBe(id);

  const given = await request.get("/api/metrics", { headers: { "x-request-id": "lb-trace-12345678" } });
  expect(given.headers()["x-request-id"]).toBe("lb-trace-12345678");
});
