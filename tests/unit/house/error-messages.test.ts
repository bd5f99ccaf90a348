/**
 * One vocabulary from the server to the screen: for every code, what the browser shows is the
 * server's own message — from a refused reply (problem+json), a server action's result, or a
 * failed reply read back after a reload — and the client never words one itself.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { startReply } from "@/components/chat/reply-request";
import { AiError, type AiErrorCode } from "@/lib/server/ai/ai-errors";
import { failure } from "@/lib/server/infra/action-result";
import { problemResponse } from "@/lib/server/infra/http/problem";
import { AppError, ERROR_CODES, errorMessage, httpStatus, type ErrorCode } from "@/lib/shared/errors";

const AI_CODES: AiErrorCode[] = ["invalid_key", "rate_limited", "safety_blocked", "overloaded", "network", "aborted", "invalid_plan", "invalid_changes", "unknown"];

afterEach(() => vi.unstubAllGlobals());

async function refusalFor(response: Response) {
  vi.stubGlobal("fetch", async () => response);
  const start = await startReply("c1", { mode: "send", text: "hi" }, new AbortController().signal);
  if (start.ok) throw new Error("expected a refusal");
  return start.refusal;
}

describe("the client shows the server's message for every code", () => {
  it.each(ERROR_CODES.filter((code) => httpStatus(code) < 500))("%s, refused before streaming", async (code: ErrorCode) => {
    const spoken = `The server's own words for ${code}.`;
    const refusal = await refusalFor(problemResponse(new AppError(code, spoken)));
    expect(refusal).toMatchObject({ code, message: spoken, status: httpStatus(code) });
  });

  it.each(ERROR_CODES)("%s, answered by a server action", (code: ErrorCode) => {
    const result = failure(new AppError(code, `Action words for ${code}.`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    // A 5xx's own message may come from a driver: the browser gets the table's words instead.
    expect(result.error.message).toBe(httpStatus(code) >= 500 ? errorMessage(code) : `Action words for ${code}.`);
  });

  it.each(AI_CODES)("%s, a failed reply read back after a reload", (code) => {
    // While streaming the browser shows the error event's message; after a reload only the stored code is left.
    expect(errorMessage(code)).toBe(new AiError(code).message);
  });

  it("a refusal with no code of ours (a proxy's error page) reads by its status", async () => {
    const refusal = await refusalFor(new Response("<html>Bad gateway</html>", { status: 401 }));
    expect(refusal).toMatchObject({ code: "unauthorized", message: errorMessage("unauthorized") });
  });

  it("says when to retry, in seconds the server chose", async () => {
    const refusal = await refusalFor(problemResponse(new AppError("rate_limited:chat", undefined, { retryAfterSeconds: 7 })));
    expect(refusal.retryAfterSeconds).toBe(7);
    expect(refusal.message).toBe(errorMessage("rate_limited:chat", 7));
  });
});
