/**
 * Bodies the fake Gemini server sends, shaped like the Gemini API's (v1beta) JSON: response
 * chunks with candidates / finishReason / usageMetadata, and google.rpc error bodies.
 */

/** One scripted response; the queue hands one to each model call. */
export interface ScriptStep {
  /** Only answer this kind of call ("stream" = :streamGenerateContent, "generate" = :generateContent). */
  for?: "stream" | "generate";
  /**
   * Only answer a call whose last user turn contains this text. Browser tests run in parallel
   * against one fake, so each scripts steps for its own messages and never takes another's.
   */
  whenLastUserIncludes?: string;
  /** Text pieces, one per SSE event (for :generateContent they are joined). */
  chunks?: string[];
  /**
   * A function call the model makes after the text, as its own SSE event (Gemini sends a call
   * whole, in one part). Counts as one more chunk for cutAfterChunks.
   */
  functionCall?: { name: string; args: unknown };
  /** Pause between chunks. */
  delayMs?: number;
  /** Pause before the first byte of the response (headers included), to test Stop on a slow start. */
  firstTokenDelayMs?: number;
  /** Answer with this HTTP error status and a google.rpc error body. */
  status?: number;
  /** Retry-After header (seconds) on an error response. */
  retryAfter?: number;
  /** RetryInfo detail in the error body, e.g. 20 → "20s". */
  retryDelaySeconds?: number;
  /** ErrorInfo reason in the error body, e.g. "API_KEY_INVALID". */
  errorReason?: string;
  errorMessage?: string;
  /** A 400 API_KEY_INVALID, as Gemini answers a wrong key. */
  invalidKey?: boolean;
  /** true/"candidate": chunks, then a candidate with finishReason SAFETY; "prompt": promptFeedback.blockReason, no candidates. */
  safetyBlock?: boolean | "candidate" | "prompt";
  /** Send this many chunks, then destroy the connection without finishing. */
  cutAfterChunks?: number;
  /** An error object inside the 200 SSE stream after the chunks (Gemini does this for mid-stream failures). */
  streamErrorStatus?: number;
  finishReason?: string;
  usage?: { promptTokens?: number; outputTokens?: number };
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: "Request contains an invalid argument.",
  429: "Resource has been exhausted (e.g. check quota).",
  500: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
  503: "The model is overloaded. Please try again later.",
};

export function errorBody(step: ScriptStep): { status: number; body: unknown } {
  const status = step.invalidKey ? 400 : (step.status ?? 500);
  const reason = step.invalidKey ? "API_KEY_INVALID" : step.errorReason;
  const details: unknown[] = [];
  if (reason) {
    details.push({ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } });
  }
  if (step.retryDelaySeconds !== undefined) {
    details.push({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${step.retryDelaySeconds}s` });
  }
  const message = step.invalidKey ? "API key not valid. Please pass a valid API key." : (step.errorMessage ?? DEFAULT_MESSAGES[status] ?? "Error");
  return {
    status,
    body: { error: { code: status, message, status: STATUS_NAMES[status] ?? "UNKNOWN", ...(details.length ? { details } : {}) } },
  };
}

/** A rough token count, so usage numbers move with what was sent. */
export function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function usageMetadata(promptTokens: number, outputTokens: number) {
  return { promptTokenCount: promptTokens, candidatesTokenCount: outputTokens, totalTokenCount: promptTokens + outputTokens };
}

/** One part of a candidate: text, or a function call. */
export type FakePart = { text: string } | { functionCall: { name: string; args: unknown } };

export function textChunk(text: string | FakePart) {
  const part = typeof text === "string" ? { text } : text;
  return { candidates: [{ content: { role: "model", parts: [part] }, index: 0 }], modelVersion: "fake-gemini" };
}

export function finalChunk(text: string | FakePart, finishReason: string, usage: ReturnType<typeof usageMetadata>) {
  const part = typeof text === "string" ? { text } : text;
  return {
    candidates: [{ content: { role: "model", parts: [part] }, finishReason, index: 0 }],
    usageMetadata: usage,
    modelVersion: "fake-gemini",
  };
}

export function safetyCandidateChunk(usage: ReturnType<typeof usageMetadata>) {
  return {
    candidates: [
      {
        finishReason: "SAFETY",
        index: 0,
        safetyRatings: [{ category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true }],
      },
    ],
    usageMetadata: usage,
    modelVersion: "fake-gemini",
  };
}

export function promptBlockedChunk(usage: ReturnType<typeof usageMetadata>) {
  return {
    promptFeedback: { blockReason: "SAFETY", safetyRatings: [{ category: "HARM_CATEGORY_HARASSMENT", probability: "HIGH", blocked: true }] },
    usageMetadata: usage,
    modelVersion: "fake-gemini",
  };
}

export function streamErrorChunk(status: number) {
  return { error: { code: status, message: DEFAULT_MESSAGES[status] ?? "Error", status: STATUS_NAMES[status] ?? "UNKNOWN" } };
}

/** The last user turn's text in a generateContent request body, for the default echo reply. */
export function lastUserText(body: unknown): string {
  const contents = (body as { contents?: { role?: string; parts?: { text?: string }[] }[] } | null)?.contents ?? [];
  const lastUser = [...contents].reverse().find((content) => content.role === "user");
  return (lastUser?.parts ?? []).map((part) => part.text ?? "").join("");
}

/** The pieces of the reply to a message nobody scripted: it echoes the message's first 60 characters. */
export function defaultReplyChunks(userText: string): string[] {
  const echo = userText.replace(/\s+/g, " ").trim().slice(0, 60);
  return ["This is a fake ", "Gemini reply", ` to: ${echo}`];
}

export function defaultStep(kind: "stream" | "generate", body: unknown): ScriptStep {
  if (kind === "generate") return { chunks: ["Fake title"] };
  return { chunks: defaultReplyChunks(lastUserText(body)) };
}
