/**
 * Scripts the fake Gemini server (tests/fake-gemini) that the e2e run points the app at with
 * GEMINI_BASE_URL. Its URL comes from FAKE_GEMINI_URL, set by playwright.config.ts. The fake
 * keeps one global queue, each step answering one model call; steps here are limited to
 * streaming calls ("stream"), so title generation (a plain generateContent call) never takes them.
 */
import { expect } from "@playwright/test";
import type { ScriptStep } from "../tests/fake-gemini/responses";

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

/** A reply whose chunks arrive slowly, to press Stop in the middle. */
export function slowReply(chunks: string[], delayMs = 1_500): ScriptStep {
  return { for: "stream", chunks, delayMs };
}

/** A 429 RESOURCE_EXHAUSTED from Gemini, with a Retry-After. */
export function rateLimited(retryAfterSeconds = 1): ScriptStep {
  return { for: "stream", status: 429, retryAfter: retryAfterSeconds };
}
