/**
 * The real @google/genai SDK against the local fake Gemini server: every outcome the chat
 * feature must handle, as the SDK actually produces it over HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AiError } from "@/lib/server/ai/ai-errors";
import type { ChatChunk, ChatModel, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { createGeminiModel } from "@/lib/server/ai/gemini-model";
import { assembleSystemInstruction } from "@/lib/server/ai/system-instruction";
import { selectContext } from "@/lib/server/ai/token-budget";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";
import { startFakeGemini, type FakeGemini } from "@/tests/fake-gemini/server";

let fake: FakeGemini;
let model: ChatModel;
const techSupport = getBuiltInRole("tech-support")!;

beforeAll(async () => {
  fake = await startFakeGemini();
  model = createGeminiModel({ apiKey: "test-key", model: "gemini-test-flash", baseUrl: fake.baseUrl });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function request(overrides: Partial<StreamReplyRequest> = {}): StreamReplyRequest {
  return {
    systemInstruction: assembleSystemInstruction(techSupport, techSupport.fields, { device_os: "Windows 11", product: "Outlook 2405" }),
    history: [{ role: "user", text: "Outlook will not start." }],
    temperature: 0.3,
    signal: new AbortController().signal,
    ...overrides,
  };
}

/** Runs a stream to its end; returns what arrived and the error it ended with, if any. */
async function run(stream: AsyncIterable<ChatChunk>): Promise<{ text: string; chunks: ChatChunk[]; error?: AiError }> {
  const chunks: ChatChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { text: textOf(chunks), chunks, error: error as AiError };
  }
  return { text: textOf(chunks), chunks };
}

function textOf(chunks: ChatChunk[]): string {
  return chunks.map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
}

describe("Gemini model through the real SDK", () => {
  it("streams a reply piece by piece and reports usage, sending the key, instruction, history and temperature", async () => {
    fake.script({ chunks: ["Try ", "safe ", "mode."], delayMs: 20, usage: { promptTokens: 120, outputTokens: 6 } });
    const { chunks, error } = await run(model.streamReply(request()));
    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: "text", text: "Try " },
      { type: "text", text: "safe " },
      { type: "text", text: "mode." },
      { type: "done", usage: { inputTokens: 120, outputTokens: 6, totalTokens: 126 }, finishReason: "STOP" },
    ]);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.kind).toBe("stream");
    expect(sent.model).toBe("gemini-test-flash");
    expect(sent.url).toContain("alt=sse");
    expect(sent.apiKey).toBe("test-key");
    expect(sent.systemInstruction).toContain("technical support specialist");
    expect(sent.systemInstruction).toContain('"value": "Windows 11"');
    expect(sent.contents).toEqual([{ role: "user", text: "Outlook will not start." }]);
    expect(sent.body.generationConfig).toMatchObject({ temperature: 0.3 });
  });

  it("sends only the budgeted part of a long conversation", async () => {
    const history = Array.from({ length: 301 }, (_, index) => ({ role: index % 2 === 0 ? "user" : "model", text: `message ${index} ${"z".repeat(300)}` }) as const);
    await run(model.streamReply(request({ history: selectContext(history, 2000) })));
    const sent = fake.requests[0]!.contents;
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThan(30);
    expect(sent.at(-1)).toMatchObject({ role: "user", text: expect.stringContaining("message 300") });
    expect(sent[0]!.role).toBe("user");
  });

  it("turns a 429 into rate_limited with the Retry-After seconds, without retrying", async () => {
    fake.script({ status: 429, retryAfter: 7 });
    const { error } = await run(model.streamReply(request()));
    expect(error).toBeInstanceOf(AiError);
    expect(error!.code).toBe("rate_limited");
    expect(error!.retryAfterSeconds).toBe(7);
    expect(error!.message).toBe("The AI service is busy right now. Try again in 7 seconds.");
    expect(fake.requests).toHaveLength(1);
  });

  it("uses Gemini's RetryInfo delay when there is no Retry-After header", async () => {
    fake.script({ status: 429, retryDelaySeconds: 31 });
    const { error } = await run(model.streamReply(request()));
    expect(error!.code).toBe("rate_limited");
    expect(error!.retryAfterSeconds).toBe(31);
  });

  it("turns 500 and 503 into overloaded", async () => {
    fake.script([{ status: 500 }, { status: 503 }]);
    expect((await run(model.streamReply(request()))).error!.code).toBe("overloaded");
    expect((await run(model.streamReply(request()))).error!.code).toBe("overloaded");
  });

  it("turns an error event inside the stream into overloaded, after the text that came first", async () => {
    fake.script({ chunks: ["Partial"], streamErrorStatus: 503 });
    const { text, error } = await run(model.streamReply(request()));
    expect(text).toBe("Partial");
    expect(error!.code).toBe("overloaded");
  });

  it("reports a safety-blocked answer, keeping text that arrived before the block", async () => {
    fake.script({ chunks: ["Here is how"], safetyBlock: true });
    const { text, error } = await run(model.streamReply(request()));
    expect(text).toBe("Here is how");
    expect(error!.code).toBe("safety_blocked");
    expect(error!.message).toMatch(/safety filters/);
  });

  it("reports a blocked prompt as safety_blocked", async () => {
    fake.script({ safetyBlock: "prompt" });
    const { text, error } = await run(model.streamReply(request()));
    expect(text).toBe("");
    expect(error!.code).toBe("safety_blocked");
  });

  it("reports a stream cut mid-way as a network error after yielding the partial text", async () => {
    fake.script({ chunks: ["One ", "two ", "three ", "four"], delayMs: 20, cutAfterChunks: 2 });
    const { text, chunks, error } = await run(model.streamReply(request()));
    expect(text).toBe("One two ");
    expect(chunks.some((chunk) => chunk.type === "done")).toBe(false);
    expect(error!.code).toBe("network");
  });

  it("stops during a slow first token when aborted, and the server sees the connection closed", async () => {
    fake.script({ chunks: ["Too late"], firstTokenDelayMs: 5_000 });
    const controller = new AbortController();
    const started = Date.now();
    const result = run(model.streamReply(request({ signal: controller.signal })));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    const { text, error } = await result;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(text).toBe("");
    expect(error!.code).toBe("aborted");
    await vi.waitFor(() => expect(fake.requests[0]!.closedByClient).toBe(true));
    expect(fake.requests[0]!.finished).toBe(false);
  });

  it("stops mid-stream when aborted, keeping the text so far, and closes the request", async () => {
    fake.script({ chunks: ["a ", "b ", "c ", "d ", "e ", "f "], delayMs: 150 });
    const controller = new AbortController();
    const chunks: ChatChunk[] = [];
    let caught: unknown;
    try {
      for await (const chunk of model.streamReply(request({ signal: controller.signal }))) {
        chunks.push(chunk);
        if (chunks.length === 2) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(textOf(chunks)).toBe("a b ");
    expect((caught as AiError).code).toBe("aborted");
    await vi.waitFor(() => expect(fake.requests[0]!.closedByClient).toBe(true));
  });

  it("closes the request when the consumer stops reading without aborting", async () => {
    fake.script({ chunks: ["a ", "b ", "c ", "d "], delayMs: 200 });
    for await (const chunk of model.streamReply(request())) {
      if (chunk.type === "text") break;
    }
    await vi.waitFor(() => expect(fake.requests[0]!.closedByClient).toBe(true));
  });

  it("recognises an invalid API key", async () => {
    fake.script({ invalidKey: true });
    const { error } = await run(model.streamReply(request()));
    expect(error!.code).toBe("invalid_key");
    expect(error!.message).toMatch(/API key/);
  });

  it("recognises an invalid key when the server checks it", async () => {
    const strict = await startFakeGemini({ apiKey: "the-right-key" });
    try {
      const wrong = createGeminiModel({ apiKey: "wrong", model: "m", baseUrl: strict.baseUrl });
      expect((await run(wrong.streamReply(request()))).error!.code).toBe("invalid_key");
      const right = createGeminiModel({ apiKey: "the-right-key", model: "m", baseUrl: strict.baseUrl });
      expect((await run(right.streamReply(request()))).error).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});

describe("title generation through the real SDK", () => {
  it("asks the model with a short non-streaming call and cleans the answer", async () => {
    fake.script({ for: "generate", chunks: ['"Outlook won\'t start."'] });
    const title = await model.generateTitle("Outlook will not start after the update", "Try safe mode first.");
    expect(title).toBe("Outlook won't start");
    const sent = fake.requests[0]!;
    expect(sent.kind).toBe("generate");
    expect(sent.contents[0]!.text).toContain("Outlook will not start after the update");
  });

  it("falls back to the first words when the call fails or is blocked", async () => {
    fake.script([{ for: "generate", status: 500 }, { for: "generate", safetyBlock: "prompt" }]);
    expect(await model.generateTitle("Why does my laptop fan run all the time", "…")).toBe("Why does my laptop fan run");
    expect(await model.generateTitle("Blocked words here", "…")).toBe("Blocked words here");
  });

  it("falls back when the title call takes too long", async () => {
    const quick = createGeminiModel({ apiKey: "k", model: "m", baseUrl: fake.baseUrl, titleTimeoutMs: 200 });
    fake.script({ for: "generate", chunks: ["Late title"], firstTokenDelayMs: 3_000 });
    expect(await quick.generateTitle("Slow model here today", "…")).toBe("Slow model here today");
  });
});
