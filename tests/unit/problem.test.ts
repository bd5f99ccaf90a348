import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, httpStatus, retryMessage } from "@/lib/shared/errors";
import { PROBLEM_CONTENT_TYPE, problemDetails, problemResponse } from "@/lib/server/infra/http/problem";

describe("AppError codes map to HTTP statuses", () => {
  it.each([
    ["invalid:input", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found:conversation", 404],
    ["conflict:username", 409],
    ["rate_limited:auth", 429],
    ["unavailable", 503],
    ["internal", 500],
  ] as const)("%s → %i", (code, status) => {
    expect(httpStatus(code)).toBe(status);
    expect(new AppError(code).status).toBe(status);
  });
});

describe("problem+json responses", () => {
  it("renders an AppError as RFC 9457 problem details with its code", async () => {
    const response = problemResponse(new AppError("not_found:conversation"), { instance: "/api/v1/conversations/x", requestId: "req-12345678" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(response.headers.get("x-request-id")).toBe("req-12345678");
    const body = await response.json();
    expect(body).toMatchObject({
      status: 404,
      title: "Not found",
      code: "not_found:conversation",
      detail: "The conversation was not found.",
      instance: "/api/v1/conversations/x",
      requestId: "req-12345678",
    });
    expect(body.type).toBe("tag:chatcraft,2026:problem/not_found/conversation");
  });

  it("turns a ZodError into a 400 with messages per field path", () => {
    const schema = z.object({ title: z.string().min(1, "Enter a title."), details: z.object({ age: z.number({ error: "Age must be a number." }) }) });
    const result = schema.safeParse({ title: "", details: { age: { $gt: "" } } });
    const body = problemDetails(result.error);
    expect(body.status).toBe(400);
    expect(body.code).toBe("invalid:input");
    expect(body.errors).toEqual({ title: ["Enter a title."], "details.age": ["Age must be a number."] });
  });

  it("adds Retry-After for rate limits and says when to retry", async () => {
    const response = problemResponse(new AppError("rate_limited:auth", retryMessage(42.2), { retryAfterSeconds: 42.2 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("43");
    const body = await response.json();
    expect(body.retryAfterSeconds).toBe(43);
    expect(body.detail).toBe("Too many attempts. Try again in 43 seconds.");
  });

  it("never shows the text of an unexpected error to the client", () => {
    const body = problemDetails(new Error("connection string mongodb://admin:secret@db leaked"));
    expect(body.status).toBe(500);
    expect(body.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
