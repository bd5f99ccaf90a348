/**
 * Scripts the fake Gemini server (tests/fake-gemini) that the e2e run points the app at with
 * GEMINI_BASE_URL. Its URL comes from FAKE_GEMINI_URL, set by playwright.config.ts. The fake
 * keeps one global queue shared by specs running in parallel, so every step here names the
 * message it answers (whenLastUserIncludes) and is limited to streaming calls ("stream"): no
 * other spec's message, and no title generation (a plain generateContent call), can take it.
 */
import { expect } from "@playwright/test";
import { defaultReplyChunks, type ScriptStep } from "../tests/fake-gemini/responses";

export function fakeGeminiUrl(): string {
  const url = process.env.FAKE_GEMINI_URL;
  expect(url, "FAKE_GEMINI_URL must be set (playwright.config.ts starts the fake Gemini server)").toBeTruthy();
  return url!.replace(/\/$/, "");
}

/** Queues steps on the fake; each answers the next streaming model call once. */
export async function scriptGemini(...steps: ScriptStep[]): Promise<void> {
  const response = await fetch(`${fakeGeminiUrl()}/__script`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(steps),
  });
  expect(response.ok, `fake Gemini refused the script: ${response.status}`).toBe(true);
}

/** A reply to `message` whose chunks arrive slowly, to press Stop in the middle. */
export function slowReply(message: string, chunks: string[], delayMs = 1_500): ScriptStep {
  return { for: "stream", whenLastUserIncludes: message, chunks, delayMs };
}

/** A 429 RESOURCE_EXHAUSTED from Gemini for `message`, with a Retry-After. */
export function rateLimited(message: string, retryAfterSeconds = 1): ScriptStep {
  return { for: "stream", whenLastUserIncludes: message, status: 429, retryAfter: retryAfterSeconds };
}

/** What the fake answers a message nobody scripted (tests/fake-gemini/responses.ts defaultStep). */
export function defaultReplyTo(message: string): string {
  return defaultReplyChunks(message).join("");
}
