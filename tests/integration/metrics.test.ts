/**
 * GET /api/metrics through its real route handler, fed by the real paths: the app's MongoDB
 * client (driver command monitoring against the run's server), a route wrapped in
 * withApiErrors, a refused rate limit and a model reply timer.
 */
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { getDb } from "@/lib/server/infra/db/client";
import { resetEnvCache } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import { withApiErrors } from "@/lib/server/infra/http/handler";
import { enforceRateLimit } from "@/lib/server/services/limits/rate-limit";
import { routeLabel, startAiReply } from "@/lib/server/infra/metrics";
import { useAppDatabase } from "../helpers/app-db";

process.env.LOG_LEVEL = "silent";
useAppDatabase();

const TOKEN = "metrics-token-for-tests-0123456789";

function scrape(authorization?: string): Promise<Response> {
  return GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
}

async function scrapeText(): Promise<string> {
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvCache();
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample line, e.g. `name{a="b"} 3`, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

const activeStreams = (text: string) => Number(/^chatcraft_ai_active_streams (\d+)$/m.exec(text)?.[1]);

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
});

describe("GET /api/metrics access", () => {
  it("does not exist while METRICS_TOKEN is unset", async () => {
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it.each([
    ["no token", undefined],
    ["a wrong token", "Bearer metrics-token-for-tests-XXXXXXXXXX"],
    ["a prefix of the token", "Bearer metrics-token"],
    ["the token without the Bearer scheme", TOKEN],
  ])("refuses %s with 401 problem+json", async (_label, authorization) => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    const response = await scrape(authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).code).toBe("unauthorized:metrics");
  });

  it("serves Prometheus text with process defaults to the token holder", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
  });
});

describe("what the metrics count", () => {
  it("times MongoDB commands by command and collection, and counts pool checkouts", async () => {
    const before = await scrapeText();
    const db = await getDb();
    await db.collection("metricsProbe").insertOne({ at: new Date() });
    await db.collection("metricsProbe").find({}).toArray();
    const after = await scrapeText();
    const finds = (text: string) => sample(text, "chatcraft_mongodb_command_duration_seconds_count", { command: "find", collection: "metricsProbe", outcome: "ok" }) ?? 0;
    expect(finds(after) - finds(before)).toBe(1);
    expect(sample(after, "chatcraft_mongodb_command_duration_seconds_count", { command: "insert", collection: "metricsProbe" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "chatcraft_mongodb_pool_checkouts_total", { outcome: "ok" })).toBeGreaterThan(0);
    // Filters and documents never become labels.
    expect(after).not.toContain("\"at\"");
  });

  it("times route handlers by normalised route and status, and counts errors by code", async () => {
    const handler = withApiErrors(async (request: Request) => {
      if (new URL(request.url).searchParams.has("missing")) throw new AppError("not_found:conversation");
      return Response.json({ ok: true });
    });
    await handler(new Request("http://localhost/api/chat/6650a1b2c3d4e5f601234567/reply"));
    await handler(new Request("http://localhost/api/chat/6650a1b2c3d4e5f601234568/reply?missing"));
    const text = await scrapeText();
    expect(sample(text, "chatcraft_http_request_duration_seconds_count", { route: "/api/chat/:id/reply", status: "200", method: "GET" })).toBe(1);
    expect(sample(text, "chatcraft_http_request_duration_seconds_count", { route: "/api/chat/:id/reply", status: "404" })).toBe(1);
    expect(sample(text, "chatcraft_errors_total", { code: "not_found:conversation" })).toBe(1);
    expect(text).not.toContain("6650a1b2c3d4e5f601234567");
  });

  it("counts rate-limit refusals by limit", async () => {
    const rule = { name: "test:metrics", limit: 1, windowS: 60 };
    await enforceRateLimit(rule, "someone");
    await expect(enforceRateLimit(rule, "someone")).rejects.toThrow(AppError);
    const text = await scrapeText();
    expect(sample(text, "chatcraft_rate_limit_refusals_total", { limit: "test:metrics" })).toBe(1);
  });

  it("records AI time to first token, reply duration, outcome, tokens and active streams", async () => {
    const reply = startAiReply("gemini-test");
    const stopped = startAiReply("gemini-test");
    expect(activeStreams(await scrapeText())).toBe(2);
    reply.firstToken();
    reply.end("complete", { inputTokens: 120, outputTokens: 30 });
    stopped.end("stopped");
    const text = await scrapeText();
    expect(activeStreams(text)).toBe(0);
    expect(sample(text, "chatcraft_ai_time_to_first_token_seconds_count", { model: "gemini-test" })).toBe(1);
    expect(sample(text, "chatcraft_ai_replies_total", { model: "gemini-test", outcome: "complete" })).toBe(1);
    expect(sample(text, "chatcraft_ai_replies_total", { model: "gemini-test", outcome: "stopped" })).toBe(1);
    expect(sample(text, "chatcraft_ai_reply_duration_seconds_count", { model: "gemini-test", outcome: "complete" })).toBe(1);
    expect(sample(text, "chatcraft_ai_tokens_total", { model: "gemini-test", direction: "in" })).toBe(120);
    expect(sample(text, "chatcraft_ai_tokens_total", { model: "gemini-test", direction: "out" })).toBe(30);
  });
});

describe("routeLabel", () => {
  it.each([
    ["/api/chat/6650a1b2c3d4e5f601234567/reply", "/api/chat/:id/reply"],
    ["/api/v1/tokens/0b9a6f4e-55f5-4a7a-9f63-0c2f7d1b8e11", "/api/v1/tokens/:id"],
    ["/api/v1/projects/42/tasks", "/api/v1/projects/:id/tasks"],
    ["/api/health", "/api/health"],
  ])("%s → %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});
