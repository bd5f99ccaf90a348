import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/shared/errors";
import { readJsonBody, withApiErrors } from "@/lib/server/infra/http/handler";

process.env.LOG_LEVEL = "silent";

const schema = z.object({ title: z.string().min(1).max(100) });
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/things", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const handler = withApiErrors(async (request: Request) => {
  const input = await readJsonBody(request, schema, { maxBytes: 1024 });
  if (input.title === "boom") throw new Error("driver exploded: mongodb://user:pw@host");
  if (input.title === "gone") throw new AppError("not_found:task");
  return Response.json({ ok: true, title: input.title });
});

describe("route handlers wrapped with withApiErrors", () => {
  it("passes valid input through and tags the response with a request id", async () => {
    const response = await handler(post(JSON.stringify({ title: "hello" }), { "x-request-id": "req-abcdef12" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, title: "hello" });
    expect(response.headers.get("x-request-id")).toBe("req-abcdef12");
  });

  it.each([
    ["an operator object", JSON.stringify({ title: { $gt: "" } }), 400, "invalid:input"],
    ["a missing field", "{}", 400, "invalid:input"],
    ["broken JSON", "{title:", 400, "invalid:json"],
    ["an empty body", "", 400, "invalid:input"],
    ["a body over the limit", JSON.stringify({ title: "x".repeat(5000) }), 413, "payload_too_large"],
  ])("answers %s with a %i problem, never a 500", async (_label, body, status, code) => {
    const response = await handler(post(body));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).code).toBe(code);
  });

  it("puts zod messages on the field", async () => {
    const body = await (await handler(post(JSON.stringify({ title: 7 })))).json();
    expect(Object.keys(body.errors)).toEqual(["title"]);
  });

  it("maps AppErrors to their status and hides unexpected errors", async () => {
    expect((await handler(post(JSON.stringify({ title: "gone" })))).status).toBe(404);
    const crashed = await handler(post(JSON.stringify({ title: "boom" })));
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).not.toMatch(/driver|mongodb|pw@/);
  });
});
