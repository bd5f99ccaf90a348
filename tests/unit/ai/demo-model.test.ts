import { describe, expect, it } from "vitest";
import { AiError } from "@/lib/server/ai/ai-errors";
import type { ChatChunk, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { createDemoModel, demoReplyText } from "@/lib/server/ai/demo-model";
import { selectChatModel } from "@/lib/server/ai/select-model";
import { assembleSystemInstruction } from "@/lib/server/ai/system-instruction";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";

const advisor = getBuiltInRole("financial-advisor")!;

function request(signal = new AbortController().signal): StreamReplyRequest {
  return {
    systemInstruction: assembleSystemInstruction(advisor, advisor.fields, { age: 41, country: "Kenya", goals: ["Retirement", "Buy a home"] }),
    history: [
      { role: "user", text: "Hi" },
      { role: "model", text: "Hello!" },
      { role: "user", text: "How much should I save each month?" },
    ],
    temperature: 0.4,
    signal,
  };
}

async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function textOf(chunks: ChatChunk[]): string {
  return chunks.map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("");
}

describe("demo model", () => {
  it("is labelled as a demo and answered when no API key is configured", () => {
    for (const apiKey of [undefined, "", "   "]) {
      const model = selectChatModel({ apiKey, model: "gemini-x" });
      expect(model.isDemo).toBe(true);
      expect(model.label).toBe("Demo model");
    }
    const real = selectChatModel({ apiKey: "key", model: "gemini-x" });
    expect(real.isDemo).toBe(false);
    expect(real.id).toBe("gemini-x");
  });

  it("streams word by word a reply that says it is a demo and echoes the role, message and details", async () => {
    const chunks = await collect(createDemoModel({ delayMs: 0 }).streamReply(request()));
    const text = textOf(chunks);
    expect(chunks.filter((chunk) => chunk.type === "text").length).toBeGreaterThan(20);
    expect(text).toMatch(/Demo reply/);
    expect(text).toMatch(/not Gemini/);
    expect(text).toContain("**Financial Advisor**");
    expect(text).toContain("How much should I save each month?");
    expect(text).toContain("- Age: 41");
    expect(text).toContain("- Financial goals: Retirement, Buy a home");
    expect(text).toContain("- Country: Kenya");
    expect(text).toContain("2 earlier messages");
    expect(text).toBe(demoReplyText(request()));
    const done = chunks.at(-1)!;
    expect(done.type === "done" && done.finishReason).toBe("STOP");
    expect(done.type === "done" && done.usage!.outputTokens).toBeGreaterThan(10);
  });

  it("is deterministic: the same request streams the same pieces", async () => {
    const model = createDemoModel({ delayMs: 0 });
    expect(await collect(model.streamReply(request()))).toEqual(await collect(model.streamReply(request())));
  });

  it("stops with an aborted error when the signal fires mid-stream, keeping what was streamed", async () => {
    const controller = new AbortController();
    const received: string[] = [];
    const stream = createDemoModel({ delayMs: 5 }).streamReply(request(controller.signal));
    const run = (async () => {
      for await (const chunk of stream) {
        if (chunk.type === "text") received.push(chunk.text);
        if (received.length === 3) controller.abort();
      }
    })();
    const error = await run.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AiError);
    expect((error as AiError).code).toBe("aborted");
    expect(received).toHaveLength(3);
  });

  it("titles a chat with the first words of the user's message", async () => {
    const title = await createDemoModel().generateTitle("  Help me plan a   budget for my family trip to Spain next year ", "…");
    expect(title).toBe("Help me plan a budget for");
  });
});
