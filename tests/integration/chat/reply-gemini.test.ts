/**
 * The reply route with no model mocked: route handler → services → ai-adapter → the real
 * @google/genai SDK → the fake Gemini server over HTTP, and the real driver underneath. Each
 * outcome a person can meet is checked for what is saved and what the stream tells the browser.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";
import { useAppDatabase } from "../../helpers/app-db";
import { useFakeGeminiApp } from "../../helpers/fake-gemini-app";
import { makeUser, postReply, readEvents } from "./fixtures";
import { signInAs } from "./session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./session-mock")).sessionMock);

const test = useAppDatabase();
const fake = useFakeGeminiApp("integration-key");


/** A Financial Advisor chat, started through the same service the role page uses. */
async function newChat(): Promise<string> {
  const me = await makeUser("gemini");
  signInAs(me.user);
  const conversation = await startConversation(me.owner, "financial-advisor", {
    age: 34,
    income_range: "50k–100k",
    goals: ["Retirement"],
    risk_tolerance: "Medium",
    time_horizon: "10+ years",
    country: "Portugal",
  });
  return conversation._id.toHexString();
}

async function stored(conversationId: string) {
  return test.db().collection("messages").find({ conversationId: new ObjectId(conversationId) }).sort({ timestamp: 1 }).toArray();
}

function errorEvent(events: ChatStreamEvent[]) {
  return events.find((event): event is Extract<ChatStreamEvent, { type: "error" }> => event.type === "error");
}

async function sendAndRead(id: string, text: string): Promise<ChatStreamEvent[]> {
  const response = await postReply(id, { mode: "send", text });
  expect(response.status).toBe(200);
  return readEvents(response);
}

describe("reply through the real SDK and the fake Gemini server", () => {
  it("saves a complete reply with Gemini's usage and model, sending the details as data", async () => {
    const id = await newChat();
    fake.script([
      { chunks: ["Max out ", "your pension ", "first."], delayMs: 5, usage: { promptTokens: 200, outputTokens: 9 } },
      { for: "generate", chunks: ["Retirement at 60 plan"] },
    ]);
    const events = await sendAndRead(id, "Where do I start?");
    expect(events.filter((event) => event.type === "text").map((event) => (event as { text: string }).text).join("")).toBe(
      "Max out your pension first.",
    );
    expect(events.at(-1)).toEqual({ type: "title", title: "Retirement at 60 plan" });

    const [user, ai] = await stored(id);
    expect(user).toMatchObject({ sender: "user", message: "Where do I start?", status: "complete" });
    expect(ai).toMatchObject({
      sender: "ai",
      message: "Max out your pension first.",
      status: "complete",
      model: "gemini-fake-flash",
      usage: { inputTokens: 200, outputTokens: 9, totalTokens: 209 },
    });
    const sent = fake.requests.find((request) => request.kind === "stream")!;
    expect(sent.model).toBe("gemini-fake-flash");
    expect(sent.contents).toEqual([{ role: "user", text: "Where do I start?" }]);
    expect(sent.systemInstruction).toMatch(/<user_details>[\s\S]*"Portugal"[\s\S]*<\/user_details>/);
  });

  it("keeps the user's message and the partial text when the connection is cut mid-stream", async () => {
    const id = await newChat();
    fake.script({ chunks: ["First, ", "build an ", "emergency ", "fund"], delayMs: 5, cutAfterChunks: 2 });
    const error = errorEvent(await sendAndRead(id, "Plan my savings"));
    expect(error).toMatchObject({ code: "network", message: expect.stringMatching(/connection .* lost/i) });
    expect((await stored(id)).map((doc) => [doc.sender, doc.message, doc.status, doc.errorCode])).toEqual([
      ["user", "Plan my savings", "complete", undefined],
      ["ai", "First, build an ", "error", "network"],
    ]);
  });

  it("answers a 429 with a retry time and saves the attempt as an error; Retry (regenerate) then succeeds", async () => {
    const id = await newChat();
    fake.script({ status: 429, retryAfter: 12 });
    const error = errorEvent(await sendAndRead(id, "Is now a good time to buy?"));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 12, message: expect.stringMatching(/12 seconds/) });
    expect((await stored(id)).map((doc) => [doc.sender, doc.status])).toEqual([
      ["user", "complete"],
      ["ai", "error"],
    ]);

    fake.script({ chunks: ["It depends on ", "your horizon."] });
    const retry = await postReply(id, { mode: "regenerate" });
    const events = await readEvents(retry);
    expect(errorEvent(events)).toBeUndefined();
    expect((await stored(id)).map((doc) => [doc.sender, doc.message, doc.status])).toEqual([
      ["user", "Is now a good time to buy?", "complete"],
      ["ai", "It depends on your horizon.", "complete"],
    ]);
  });

  it("explains a safety block and an overloaded model in words, keeping the user's message", async () => {
    const id = await newChat();
    fake.script({ chunks: ["Here is"], safetyBlock: true });
    expect(errorEvent(await sendAndRead(id, "Something risky"))).toMatchObject({ code: "safety_blocked", message: expect.stringMatching(/safety/) });

    fake.script({ status: 503 });
    expect(errorEvent(await sendAndRead(id, "Try again"))).toMatchObject({ code: "overloaded", message: expect.stringMatching(/overloaded/) });

    const docs = await stored(id);
    expect(docs.filter((doc) => doc.sender === "user").map((doc) => doc.message)).toEqual(["Something risky", "Try again"]);
    expect(docs.filter((doc) => doc.sender === "ai").map((doc) => doc.errorCode)).toEqual(["safety_blocked", "overloaded"]);
  });

  it("says the key was rejected when Gemini refuses it", async () => {
    const id = await newChat();
    fake.script({ invalidKey: true });
    expect(errorEvent(await sendAndRead(id, "Hello"))).toMatchObject({ code: "invalid_key", message: expect.stringMatching(/GEMINI_API_KEY/) });
  });

  it("Stop closes the request to Gemini and saves the partial reply as stopped", async () => {
    const id = await newChat();
    fake.script({ chunks: ["Slowly ", "but ", "surely ", "you ", "will ", "get ", "there"], delayMs: 150 });
    const aborter = new AbortController();
    const response = await postReply(id, { mode: "send", text: "Take your time" }, aborter.signal);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes('"type":"text"')) seen += decoder.decode((await reader.read()).value);
    // The chat page's reply outlives its request (a reload resumes it): Stop is its own request.
    const replyId = (JSON.parse(seen.split("\n").find((line) => line.includes('"type":"start"'))!) as { messageId: string }).messageId;
    const { stopReply } = await import("@/lib/server/services/live/stop-reply");
    const [user] = await stored(id);
    expect(await stopReply(user!.userId as ObjectId, id, replyId)).toBe(true);
    aborter.abort();
    await reader.cancel().catch(() => undefined);

    await vi.waitFor(async () => {
      const [, ai] = await stored(id);
      expect(ai).toMatchObject({ sender: "ai", status: "stopped" });
      expect(ai?.message).toMatch(/^Slowly/);
      expect(ai?.message).not.toContain("there");
    });
    await vi.waitFor(() => expect(fake.requests.find((request) => request.kind === "stream")?.closedByClient).toBe(true));
  });
});
