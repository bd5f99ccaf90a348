import { ApiError } from "@google/genai";
import { describe, expect, it } from "vitest";
import { AiError, parseRetryAfter, toAiError } from "@/lib/server/ai/ai-errors";
import { cleanTitle, fallbackTitle } from "@/lib/server/ai/chat-model";

function apiError(status: number, body: unknown): ApiError {
  return new ApiError({ status, message: JSON.stringify(body) });
}

describe("toAiError", () => {
  it("recognises an invalid key from 400 API_KEY_INVALID, 401 and 403", () => {
    const invalid = apiError(400, { error: { code: 400, message: "API key not valid.", details: [{ reason: "API_KEY_INVALID" }] } });
    expect(toAiError(invalid).code).toBe("invalid_key");
    expect(toAiError(apiError(401, {})).code).toBe("invalid_key");
    expect(toAiError(apiError(403, {})).code).toBe("invalid_key");
    expect(toAiError(apiError(400, { error: { message: "Bad request" } })).code).toBe("unknown");
  });

  it("reads the retry delay from Retry-After, else from RetryInfo, and says it in words", () => {
    const body = { error: { code: 429, details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "19.2s" }] } };
    const fromBody = toAiError(apiError(429, body));
    expect(fromBody.code).toBe("rate_limited");
    expect(fromBody.retryAfterSeconds).toBe(20);
    expect(fromBody.message).toBe("The AI service is busy right now. Try again in 20 seconds.");
    expect(toAiError(apiError(429, body), { retryAfterHeader: "7" }).retryAfterSeconds).toBe(7);
    expect(toAiError(apiError(429, {})).message).toBe("The AI service is busy right now. Try again in a minute.");
  });

  it("maps 5xx to overloaded, network failures to network and aborts to aborted", () => {
    expect(toAiError(apiError(503, {})).code).toBe("overloaded");
    expect(toAiError(apiError(500, {})).code).toBe("overloaded");
    expect(toAiError(new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) })).code).toBe("network");
    expect(toAiError(new TypeError("terminated")).code).toBe("network");
    expect(toAiError(new DOMException("This operation was aborted", "AbortError")).code).toBe("aborted");
    const controller = new AbortController();
    controller.abort();
    expect(toAiError(new Error("anything"), { signal: controller.signal }).code).toBe("aborted");
    expect(toAiError(new Error("weird")).code).toBe("unknown");
  });

  it("passes an AiError through unchanged", () => {
    const error = new AiError("safety_blocked");
    expect(toAiError(error)).toBe(error);
    expect(error.message).toMatch(/safety filters/);
  });
});

describe("parseRetryAfter", () => {
  it("understands seconds and HTTP dates", () => {
    expect(parseRetryAfter("12")).toBe(12);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("titles", () => {
  it("fall back to the first six words, at most 60 characters", () => {
    expect(fallbackTitle("one two three four five six seven")).toBe("one two three four five six");
    expect(fallbackTitle("a".repeat(100)).length).toBe(60);
    expect(fallbackTitle("   ")).toBe("New chat");
  });

  it("clean a model's answer to one unquoted line", () => {
    expect(cleanTitle('"Budget for a Spain trip."\nExtra')).toBe("Budget for a Spain trip");
    expect(cleanTitle("Title: **Retirement savings**")).toBe("Retirement savings");
    expect(cleanTitle("  ")).toBeNull();
  });
});
