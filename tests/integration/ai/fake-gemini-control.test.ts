/** The fake's HTTP control endpoints, which browser tests use to script it from another process. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGeminiModel } from "@/lib/server/ai/gemini-model";
import type { ChatChunk } from "@/lib/server/ai/chat-model";
import { startFakeGemini, type FakeGemini, type RecordedRequest } from "@/tests/fake-gemini/server";

let fake: FakeGemini;
beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(() => fake.close());

async function post(path: string, body?: unknown): Promise<Response> {
  return fetch(`${fake.baseUrl}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("fake Gemini control endpoints", () => {
  it("queue a scripted 429 over HTTP, list what the app sent, and reset", async () => {
    expect((await post("/__script", { status: 429, retryAfter: 9 })).ok).toBe(true);
    const model = createGeminiModel({ apiKey: "k", model: "m", baseUrl: fake.baseUrl });
    const signal = new AbortController().signal;
    const attempt = async () => {
      const chunks: ChatChunk[] = [];
      try {
        for await (const chunk of model.streamReply({ systemInstruction: "s", history: [{ role: "user", text: "hello" }], temperature: 1, signal })) chunks.push(chunk);
        return { chunks };
      } catch (error) {
        return { chunks, error: error as { code: string; retryAfterSeconds?: number } };
      }
    };
    expect((await attempt()).error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 9 });
    // queue empty again: the default reply echoes the message
    const ok = await attempt();
    expect(ok.chunks.map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("")).toContain("to: hello");

    const listed = (await (await fetch(`${fake.baseUrl}/__requests`)).json()) as RecordedRequest[];
    expect(listed.map((request) => request.contents.at(-1)?.text)).toEqual(["hello", "hello"]);
    expect((await post("/__reset")).ok).toBe(true);
    expect(await (await fetch(`${fake.baseUrl}/__requests`)).json()).toEqual([]);
  });

  it("a step naming a message answers only that message, whatever the order of calls", async () => {
    fake.reset();
    await post("/__script", { for: "stream", whenLastUserIncludes: "mine", status: 429 });
    const model = createGeminiModel({ apiKey: "k", model: "m", baseUrl: fake.baseUrl });
    const textFor = async (message: string) => {
      let text = "";
      try {
        const signal = new AbortController().signal;
        for await (const chunk of model.streamReply({ systemInstruction: "s", history: [{ role: "user", text: message }], temperature: 1, signal })) {
          if (chunk.type === "text") text += chunk.text;
        }
      } catch (error) {
        return `error:${(error as { code: string }).code}`;
      }
      return text;
    };
    expect(await textFor("someone else's")).toBe("This is a fake Gemini reply to: someone else's");
    expect(await textFor("this one is mine")).toBe("error:rate_limited");
    expect(await textFor("this one is mine")).toBe("This is a fake Gemini reply to: this one is mine");
  });
});
