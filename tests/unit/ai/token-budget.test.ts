import { describe, expect, it } from "vitest";
import { estimateTokens, messageTokens, selectContext, truncateToTokens, type ContextMessage } from "@/lib/server/ai/token-budget";

function conversation(turns: number, textLength = 400): ContextMessage[] {
  return Array.from({ length: turns }, (_, index) => ({
    role: index % 2 === 0 ? "user" : "model",
    text: `#${index} ${"x".repeat(textLength)}`,
  })) as ContextMessage[];
}

function total(messages: ContextMessage[]): number {
  return messages.reduce((sum, message) => sum + messageTokens(message), 0);
}

describe("estimateTokens", () => {
  it("counts about four ASCII characters per token and is conservative for other scripts", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcd".repeat(25))).toBe(25);
    expect(estimateTokens("日本語のテキスト")).toBe(8);
    expect(estimateTokens("😀😀")).toBe(2);
  });
});

describe("selectContext", () => {
  it("keeps everything when it fits, oldest first", () => {
    const messages = conversation(5, 10);
    expect(selectContext(messages, 10_000)).toEqual(messages);
  });

  it("keeps the newest messages within the budget, dropping from the oldest end", () => {
    const messages = conversation(41);
    const selected = selectContext(messages, 1000);
    expect(total(selected)).toBeLessThanOrEqual(1000);
    expect(selected.at(-1)).toBe(messages.at(-1));
    // contiguous newest suffix, starting with a user turn
    expect(selected).toEqual(messages.slice(messages.length - selected.length));
    expect(selected[0]!.role).toBe("user");
    expect(selected.length).toBeGreaterThan(2);
  });

  it("bounds the cost the same way however long the conversation gets", () => {
    const short = total(selectContext(conversation(41), 1500));
    const long = total(selectContext(conversation(4001), 1500));
    expect(long).toBeLessThanOrEqual(1500);
    expect(Math.abs(long - short)).toBeLessThan(200);
  });

  it("always keeps the latest user message, shortened only when it alone exceeds the budget", () => {
    const huge: ContextMessage = { role: "user", text: `START ${"y".repeat(20_000)} QUESTION?` };
    const selected = selectContext([...conversation(4), huge], 500);
    expect(selected).toHaveLength(1);
    expect(total(selected)).toBeLessThanOrEqual(500);
    expect(selected[0]!.text.startsWith("START")).toBe(true);
    expect(selected[0]!.text.endsWith("QUESTION?")).toBe(true);
    expect(selected[0]!.text).toContain("shortened to fit");
  });

  it("returns nothing when there is no user message to answer", () => {
    expect(selectContext([{ role: "model", text: "hello" }], 100)).toEqual([]);
  });
});

describe("truncateToTokens", () => {
  it("returns short text unchanged and long text within the budget", () => {
    expect(truncateToTokens("short", 10)).toBe("short");
    expect(estimateTokens(truncateToTokens("z".repeat(10_000), 300))).toBeLessThanOrEqual(300);
  });
});
