/**
 * Proposals through the real @google/genai SDK against the fake Gemini server: the declarations
 * sent, a valid plan, arguments that fail validation, a plan over the limit, a call to a tool not
 * offered, a malformed call, and a stream cut after the call but before Gemini finished.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AiError } from "@/lib/server/ai/ai-errors";
import type { ChatChunk, ChatModel, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { createGeminiModel } from "@/lib/server/ai/gemini-model";
import { MAX_TASKS_PER_PROJECT } from "@/lib/shared/projects/plan-schema";
import { startFakeGemini, type FakeGemini } from "@/tests/fake-gemini/server";

let fake: FakeGemini;
let model: ChatModel;

beforeAll(async () => {
  fake = await startFakeGemini();
  model = createGeminiModel({ apiKey: "test-key", model: "gemini-test-flash", baseUrl: fake.baseUrl });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function request(tools: StreamReplyRequest["tools"] = ["propose_plan"]): StreamReplyRequest {
  return {
    systemInstruction: "You plan projects.",
    history: [{ role: "user", text: "A bakery website with online orders." }],
    temperature: 0.3,
    signal: new AbortController().signal,
    tools,
  };
}

async function run(stream: AsyncIterable<ChatChunk>): Promise<{ chunks: ChatChunk[]; error?: AiError }> {
  const chunks: ChatChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { chunks, error: error as AiError };
  }
  return { chunks };
}

const plan = { name: "Bakery website", description: "Sell cakes online", tasks: [{ title: "Register a domain", priority: "high" }, { title: "Photograph the cakes", dueDate: "2027-05-01" }] };

describe("proposals through the real SDK", () => {
  it("sends the declarations generated from the schemas and yields a validated plan just before done", async () => {
    fake.script({ chunks: ["Here is a plan."], functionCall: { name: "propose_plan", args: plan } });
    const { chunks, error } = await run(model.streamReply(request()));
    expect(error).toBeUndefined();
    expect(chunks.map((chunk) => chunk.type)).toEqual(["text", "proposal", "done"]);
    expect(chunks[1]).toEqual({
      type: "proposal",
      proposal: { kind: "plan", plan: { ...plan, tasks: [plan.tasks[0], { title: "Photograph the cakes", dueDate: "2027-05-01", priority: "medium" }] } },
    });
    const sent = fake.requests[0]!.body as { tools?: { functionDeclarations: { name: string; parametersJsonSchema: { required: string[] } }[] }[] };
    expect(sent.tools?.[0]?.functionDeclarations.map((declaration) => declaration.name)).toEqual(["propose_plan"]);
    expect(sent.tools?.[0]?.functionDeclarations[0]?.parametersJsonSchema.required).toEqual(["name", "tasks"]);
  });

  it("offers no tools on an ordinary turn", async () => {
    fake.script({ chunks: ["Hello."] });
    await run(model.streamReply({ ...request(), tools: undefined }));
    expect((fake.requests[0]!.body as { tools?: unknown }).tools).toBeUndefined();
  });

  it("refuses arguments that fail validation, whole, after the text", async () => {
    fake.script({ chunks: ["Plan:"], functionCall: { name: "propose_plan", args: { name: "", tasks: [{ title: 42 }] } } });
    const { chunks, error } = await run(model.streamReply(request()));
    expect(chunks.map((chunk) => chunk.type)).toEqual(["text"]);
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({ code: "invalid_plan", message: "I couldn't turn that into a plan. Retry to ask again." });
  });

  it("refuses a plan over the task limit", async () => {
    const tasks = Array.from({ length: MAX_TASKS_PER_PROJECT + 1 }, (_, i) => ({ title: `Task ${i + 1}` }));
    fake.script({ functionCall: { name: "propose_plan", args: { name: "Too big", tasks } } });
    const { chunks, error } = await run(model.streamReply(request()));
    expect(chunks.some((chunk) => chunk.type === "proposal")).toBe(false);
    expect(error?.code).toBe("invalid_plan");
  });

  it("refuses a call to a tool that was not offered this turn", async () => {
    fake.script({ functionCall: { name: "propose_changes", args: { changes: [{ type: "rename_project", name: "X" }] } } });
    const { error } = await run(model.streamReply(request(["propose_plan"])));
    expect(error?.code).toBe("invalid_plan");
  });

  it("treats Gemini's MALFORMED_FUNCTION_CALL as an invalid proposal", async () => {
    fake.script({ chunks: [""], finishReason: "MALFORMED_FUNCTION_CALL" });
    const { error } = await run(model.streamReply(request(["propose_changes"])));
    expect(error).toMatchObject({ code: "invalid_changes", message: "I couldn't turn that into changes to your project. Retry to ask again." });
  });

  it("never yields a proposal from a stream cut after the call but before the finish", async () => {
    fake.script({ chunks: ["Working on it. "], functionCall: { name: "propose_plan", args: plan }, cutAfterChunks: 2, delayMs: 20 });
    const { chunks, error } = await run(model.streamReply(request()));
    expect(chunks.map((chunk) => chunk.type)).toEqual(["text"]);
    expect(error?.code).toBe("invalid_plan");
  });

  it("reports a cut before any call as a lost connection", async () => {
    fake.script({ chunks: ["Working ", "on it."], functionCall: { name: "propose_plan", args: plan }, cutAfterChunks: 1 });
    const { error } = await run(model.streamReply(request()));
    expect(error?.code).toBe("network");
  });
});
