import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventStreamResponse } from "@/lib/server/services/chat/event-stream";
import { withApiErrors } from "@/lib/server/infra/http/handler";
import { createLogger, logger, setRootLogger } from "@/lib/server/infra/log";
import { runWithRequestContext } from "@/lib/server/infra/request-context";
import { onRequestError } from "@/instrumentation";

let lines: Record<string, unknown>[] = [];

beforeEach(() => {
  lines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  setRootLogger(createLogger(sink, "debug"));
});

afterEach(() => setRootLogger(undefined));

describe("log redaction", () => {
  it("never writes passwords, tokens, cookies, authorization headers or users' details", () => {
    logger().info(
      {
        password: "hunter2-password",
        user: { email: "ada@example.com", username: "ada", passwordHash: "$2b$10$hash" },
        req: { headers: { authorization: "Bearer sk-live-secret", cookie: "authjs.session-token=abc", "set-cookie": "x=1" } },
        body: { token: "cc_tok_secret", apiKey: "AIza-secret", details: { age: 41, goals: "retire early" } },
        conversationId: "6650a1b2c3d4e5f601234567",
      },
      "a line with everything",
    );
    const written = JSON.stringify(lines);
    for (const secret of ["hunter2-password", "ada@example.com", "\"ada\"", "$2b$10$hash", "sk-live-secret", "abc", "x=1", "cc_tok_secret", "AIza-secret", "retire early"]) {
      expect(written).not.toContain(secret);
    }
    // What is safe to keep stays readable.
    expect(lines[0]).toMatchObject({ name: "chatcraft", msg: "a line with everything", conversationId: "6650a1b2c3d4e5f601234567" });
  });
});

describe("request ids on log lines", () => {
  it("puts the request id on every line, including a stream's lines after the response started", async () => {
    let release!: () => void;
    const streamMayFinish = new Promise<void>((resolve) => (release = resolve));
    const handler = withApiErrors(async () => {
      logger().info("before the stream");
      return eventStreamResponse("ndjson", 
        new AbortController().signal,
        async (_signal, emit) => {
          await streamMayFinish;
          logger().info("while streaming");
          emit({ type: "title", title: "done" });
        },
        () => ({ type: "error", code: "internal", message: "failed" }),
      );
    });

    const response = await handler(new Request("http://localhost/api/chat/x/reply", { method: "POST", headers: { "x-request-id": "req-stream-0001" } }));
    expect(response.headers.get("x-request-id")).toBe("req-stream-0001");
    // The response has started; the stream's work happens only now.
    release();
    await response.text();
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["before the stream", "req-stream-0001"],
      ["while streaming", "req-stream-0001"],
    ]);
  });

  it("logs a failed request's cause under the id the client sees", async () => {
    const handler = withApiErrors(async () => {
      throw new Error("driver exploded");
    });
    const response = await handler(new Request("http://localhost/api/things"));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "request failed", requestId: id, level: 50 });
  });

  it("keeps concurrent requests apart", async () => {
    const work = (id: string) =>
      runWithRequestContext({ requestId: id }, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        logger().info({ id }, "work");
      });
    await Promise.all([work("req-aaaa-0001"), work("req-bbbb-0002")]);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.requestId).toBe(line.id);
  });

  it("writes no request id outside a request", () => {
    logger().info("start-up");
    expect(lines[0]).not.toHaveProperty("requestId");
  });

  it("logs an error Next.js caught in a page or action under the id proxy.ts forwarded", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    await onRequestError(
      new Error("render exploded"),
      { path: "/dashboard", method: "GET", headers: { "x-request-id": "req-page-0001", cookie: "authjs.session-token=abc" } },
      { routerKind: "App Router", routePath: "/(app)/dashboard", routeType: "render", revalidateReason: undefined },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "unhandled error", requestId: "req-page-0001", route: "/(app)/dashboard", routeType: "render", level: 50 });
    expect(JSON.stringify(lines[0])).not.toContain("authjs.session-token");
  });
});
