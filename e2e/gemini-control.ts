/**
 * Scripts the fake Gemini server the e2e run points the app at (GEMINI_BASE_URL). Its URL comes
 * from FAKE_GEMINI_URL, set by playwright.config.ts. Each scripted reply carries `match`: the
 * fake uses it only for a request whose last user message contains that text, so specs running
 * in parallel never consume each other's scripts.
 */
import { expect } from "@playwright/test";

export type FakeGeminiReply =
  /** Stream these chunks, waiting `delayMs` before each. */
  | { match: string; kind: "chunks"; chunks: string[]; delayMs?: number }
  /** Answer 429 RESOURCE_EXHAUSTED with this Retry-After. */
  | { match: string; kind: "status"; status: number; retryAfterSeconds?: number; message?: string };

export function fakeGeminiUrl(): string {
  const url = process.env.FAKE_GEMINI_URL;
  expect(url, "FAKE_GEMINI_URL must be set (playwright.config.ts starts the fake Gemini server)").toBeTruthy();
  return url!.replace(/\/$/, "");
}

/** Queues replies on the fake; each is used once. */
export async function scriptGemini(...replies: FakeGeminiReply[]): Promise<void> {
  const response = await fetch(`${fakeGeminiUrl()}/__script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ replies }),
  });
  expect(response.ok, `fake Gemini refused the script: ${response.status}`).toBe(true);
}

/** A reply whose chunks arrive slowly, to press Stop in the middle. */
export function slowReply(match: string, chunks: string[], delayMs = 1_500): FakeGeminiReply {
  return { match, kind: "chunks", chunks, delayMs };
}

/** A 429 from Gemini (quota / rate limit). */
export function rateLimited(match: string, retryAfterSeconds = 1): FakeGeminiReply {
  return { match, kind: "status", status: 429, retryAfterSeconds, message: "Resource has been exhausted (e.g. check quota)." };
}

/** A normal quick reply. */
export function quickReply(match: string, text: string): FakeGeminiReply {
  return { match, kind: "chunks", chunks: [text] };
}
