/** The demo model's details updates: deterministic, from "my <label> is now <value>" and "I am/I'm <n> now". */
import { describe, expect, it } from "vitest";
import type { ChatChunk, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { deriveDetailsUpdate } from "@/lib/server/ai/demo-details";
import { createDemoModel } from "@/lib/server/ai/demo-model";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";

const advisor = getBuiltInRole("financial-advisor")!;

describe("deriveDetailsUpdate", () => {
  it("reads “I am <n> now” and “I'm <n> now” as the age, quoting the sentence", () => {
    expect(deriveDetailsUpdate("Quick update. I am 41 now, so what changes?", advisor.fields)).toEqual({
      update: { field: "age", value: 41, sentence: "I am 41 now, so what changes?" },
    });
    expect(deriveDetailsUpdate("I'm 52 now", advisor.fields)).toEqual({ update: { field: "age", value: 52, sentence: "I'm 52 now" } });
    expect(deriveDetailsUpdate("I’m 30 now!", advisor.fields)).toMatchObject({ update: { field: "age", value: 30 } });
  });

  it("reads “my <field label> is now <value>” for text and select fields, matching options in any case", () => {
    expect(deriveDetailsUpdate("My country is now Portugal. Any tax tips?", advisor.fields)).toEqual({
      update: { field: "country", value: "Portugal", sentence: "My country is now Portugal." },
    });
    expect(deriveDetailsUpdate("my risk tolerance is now high", advisor.fields)).toMatchObject({ update: { field: "risk_tolerance", value: "High" } });
    expect(deriveDetailsUpdate("My financial goals is now retirement and buy a home", advisor.fields)).toMatchObject({
      update: { field: "goals", value: ["Retirement", "Buy a home"] },
    });
  });

  it("proposes nothing for other sentences or fields the role lacks", () => {
    expect(deriveDetailsUpdate("How much should I save?", advisor.fields)).toBeNull();
    expect(deriveDetailsUpdate("My favourite colour is now blue", advisor.fields)).toBeNull();
    expect(deriveDetailsUpdate("I am 41 now", getBuiltInRole("project-planner")!.fields)).toBeNull();
  });

  it("refuses a value the field does not accept, with the form's reason", () => {
    const result = deriveDetailsUpdate("I'm 140 now", advisor.fields);
    expect(result && "refused" in result && result.refused.message).toBe("I couldn't use that update to your details: Age must be at most 100.");
    const long = deriveDetailsUpdate(`My country is now ${"x".repeat(50_000)}`, advisor.fields);
    expect(long && "refused" in long && long.refused.code).toBe("invalid_details_update");
  });
});

describe("the demo model with propose_details_update offered", () => {
  const request = (text: string): StreamReplyRequest => ({
    systemInstruction: "",
    history: [{ role: "user", text }],
    temperature: 0,
    signal: new AbortController().signal,
    tools: ["propose_details_update"],
    detailsFields: advisor.fields,
  });
  async function run(text: string): Promise<{ chunks: ChatChunk[]; error?: unknown }> {
    const chunks: ChatChunk[] = [];
    try {
      for await (const chunk of createDemoModel({ delayMs: 0 }).streamReply(request(text))) chunks.push(chunk);
    } catch (error) {
      return { chunks, error };
    }
    return { chunks };
  }

  it("streams a labelled reply and one proposal before done", async () => {
    const { chunks } = await run("I'm 41 now");
    expect(chunks.at(-2)).toEqual({ type: "proposal", proposal: { kind: "details", update: { field: "age", value: 41, sentence: "I'm 41 now" } } });
    expect(chunks.filter((chunk) => chunk.type === "text").map((chunk) => (chunk as { text: string }).text).join("")).toContain("new value for **Age**");
  });

  it("ends with the refusal after its ordinary reply when the value does not fit", async () => {
    const { chunks, error } = await run("I am 7 now");
    expect(chunks.some((chunk) => chunk.type === "proposal")).toBe(false);
    expect(error).toMatchObject({ code: "invalid_details_update", message: "I couldn't use that update to your details: Age must be at least 18." });
  });
});
