/**
 * The reply route end to end (route handler → services → real driver), with a scripted chat model:
 * what is saved for each outcome, what the NDJSON stream says, and the refusals before streaming.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ObjectId } from "mongodb";
import { startConversation, updateConversationDetailsFor } from "@/lib/server/services/chat/conversation-service";
import { saveCustomRole } from "@/lib/server/services/roles/roles-service";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";
import { resetEnvCache } from "@/lib/server/infra/env";
import { touchConversation } from "@/models/conversations";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../../helpers/app-db";
import { customRoleInput, failAfter, hangAfter, makeUser, postReply, readEvents, reply, sharedModel, type TestUser } from "./fixtures";
import { signInAs } from "./session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("./fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});
const model = sharedModel;

const test = useAppDatabase();


async function newChat(): Promise<{ me: TestUser; id: string }> {
  const me = await makeUser();
  signInAs(me.user);
  const role = await saveCustomRole(me.owner, customRoleInput());
  const conversation = await startConversation(me.owner, role.id, { climate: "cool temperate" });
  return { me, id: conversation._id.toHexString() };
}

async function storedMessages(conversationId: string) {
  const { ObjectId } = await import("mongodb");
  return test.db().collection("messages").find({ conversationId: new ObjectId(conversationId) }).sort({ timestamp: 1 }).toArray();
}

function last<T extends ChatStreamEvent["type"]>(events: ChatStreamEvent[], type: T): Extract<ChatStreamEvent, { type: T }> | undefined {
  return events.filter((event): event is Extract<ChatStreamEvent, { type: T }> => event.type === type).at(-1);
}

beforeEach(() => {
  model.calls.length = 0;
  model.next.length = 0;
});

describe("a reply that completes", () => {
  it("streams user → start → text → done → title, and saves both messages with model and usage", async () => {
    const { id } = await newChat();
    model.next.push(reply("Plant ", "peas."));
    const response = await postReply(id, { mode: "send", text: "  What first?  " });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const events = await readEvents(response);
    expect(events.map((event) => event.type)).toEqual(["user", "start", "text", "text", "done", "title"]);
    expect(last(events, "done")?.message).toMatchObject({ sender: "ai", message: "Plant peas.", status: "complete", usage: { totalTokens: 19 } });

    const stored = await storedMessages(id);
    expect(stored.map((m) => [m.sender, m.message, m.status])).toEqual([
      ["user", "What first?", "complete"],
      ["ai", "Plant peas.", "complete"],
    ]);
    expect(stored[1]).toMatchObject({ model: "scripted-model", usage: { inputTokens: 12, outputTokens: 7, totalTokens: 19 } });
    expect(model.calls[0]?.messages.at(-1)).toEqual({ role: "user", text: "What first?" });
    expect(model.calls[0]?.systemInstruction).toContain("cool temperate");
  });
});

describe("a reply the user stops", () => {
  it("keeps streaming when the request goes away (a reload), and keeps the partial text as stopped on Stop", async () => {
    const { me, id } = await newChat();
    const aborter = new AbortController();
    let waiting = false;
    model.next.push(hangAfter(["Half an ans"], () => (waiting = true)));
    const response = await postReply(id, { mode: "send", text: "Tell me everything" }, aborter.signal);
    const started = await readStart(response);
    await vi.waitFor(() => expect(waiting).toBe(true));
    aborter.abort();
    // The reply is still streaming: a reload picks it up; only Stop ends it.
    await vi.waitFor(async () => expect((await test.db().collection("replyStreams").countDocuments({})) > 0).toBe(true));
    expect((await storedMessages(id)).map((m) => m.status)).toEqual(["complete", "streaming"]);
    const { stopReply } = await import("@/lib/server/services/live/stop-reply");
    expect(await stopReply(me.owner, id, started)).toBe(true);
    await vi.waitFor(async () => {
      const stored = await storedMessages(id);
      expect(stored.map((m) => [m.sender, m.message, m.status])).toEqual([
        ["user", "Tell me everything", "complete"],
        ["ai", "Half an ans", "stopped"],
      ]);
    });
  });
});

/** Reads the NDJSON stream up to its "start" event and returns the reply's id. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended before its start event");
    buffered += value;
    const start = buffered
      .split("\n")
      .slice(0, -1)
      .map((line) => JSON.parse(line) as ChatStreamEvent)
      .find((event) => event.type === "start");
    if (start?.type === "start") {
      reader.releaseLock();
      return start.messageId;
    }
  }
}

describe("refusals before streaming", () => {
  it("answers 400 problem+json for an empty or over-long message, and saves nothing", async () => {
    const { id } = await newChat();
    const empty = await postReply(id, { mode: "send", text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.headers.get("content-type")).toBe("application/problem+json");
    const tooLong = await postReply(id, { mode: "send", text: "x".repeat(8001) });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).detail).toMatch(/at most 8,000 characters/);
    const badMode = await postReply(id, { mode: "shout", text: "hi" });
    expect(badMode.status).toBe(400);
    for (const hostile of [{ mode: "send", text: { $gt: "" } }, { mode: "send" }, { mode: "edit", text: ["a"] }, null, "send"]) {
      const refused = await postReply(id, hostile);
      expect(refused.status).toBe(400);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await storedMessages(id)).toEqual([]);
    expect(model.calls).toHaveLength(0);
  });

  it("answers 415 to any body that is not application/json (a cross-site form cannot build one), and saves nothing", async () => {
    const { id } = await newChat();
    const { POST } = await import("@/app/api/chat/[conversationId]/reply/route");
    const json = JSON.stringify({ mode: "send", text: "hi" });
    const form = new FormData();
    form.set("mode", "send");
    const bodies: [string, BodyInit, Record<string, string>][] = [
      ["text/plain", json, { "content-type": "text/plain" }],
      ["form", "mode=send&text=hi", { "content-type": "application/x-www-form-urlencoded" }],
      ["multipart", form, {}],
      ["none", new Blob([json]), {}],
    ];
    for (const [name, body, headers] of bodies) {
      const request = new Request(`http://localhost/api/chat/${id}/reply`, { method: "POST", body, headers });
      const response = await POST(request, { params: Promise.resolve({ conversationId: id }) });
      expect(response.status, name).toBe(415);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await storedMessages(id)).toEqual([]);
  });

  it("answers 404 for another user's conversation and for a malformed id", async () => {
    const { id } = await newChat();
    const stranger = await makeUser("stranger");
    signInAs(stranger.user);
    const response = await postReply(id, { mode: "send", text: "let me in" });
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe("not_found:conversation");
    expect((await postReply("not-an-id", { mode: "send", text: "hi" })).status).toBe(404);
    expect(await storedMessages(id)).toEqual([]);
  });

  it("answers 401 when signed out", async () => {
    const { id } = await newChat();
    signInAs(null);
    expect((await postReply(id, { mode: "send", text: "hi" })).status).toBe(401);
  });

  it("answers 429 with Retry-After once the per-minute limit is used up", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "2";
    resetEnvCache();
    try {
      const { id } = await newChat();
      for (let i = 0; i < 2; i += 1) expect((await postReply(id, { mode: "send", text: `m${i}` })).status).toBe(200);
      const refused = await postReply(id, { mode: "send", text: "one too many" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).detail).toMatch(/Try again in \d+ seconds?/);
    } finally {
      delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});

describe("regenerate and edit", () => {
  it("regenerate replaces the last reply with a new one", async () => {
    const { id } = await newChat();
    model.next.push(reply("First try."));
    await readEvents(await postReply(id, { mode: "send", text: "Question" }));
    model.next.push(reply("Second try."));
    const events = await readEvents(await postReply(id, { mode: "regenerate" }));
    expect(last(events, "user")?.message.message).toBe("Question");
    expect((await storedMessages(id)).map((m) => m.message)).toEqual(["Question", "Second try."]);
    expect(model.calls[1]?.messages).toEqual([{ role: "user", text: "Question" }]);
  });

  it("edit replaces the last user message and drops the reply to the old text", async () => {
    const { id } = await newChat();
    await readEvents(await postReply(id, { mode: "send", text: "Typo questoin" }));
    model.next.push(reply("Better answer."));
    const events = await readEvents(await postReply(id, { mode: "edit", text: "Fixed question" }));
    expect(last(events, "done")?.message.message).toBe("Better answer.");
    expect((await storedMessages(id)).map((m) => m.message)).toEqual(["Fixed question", "Better answer."]);
  });

  it("refuses to regenerate in an empty conversation", async () => {
    const { id } = await newChat();
    const response = await postReply(id, { mode: "regenerate" });
    expect(response.status).toBe(400);
  });
});

describe("what the model is sent", () => {
  it("bounds the context of a 300-message conversation by the token budget", async () => {
    process.env.CHAT_CONTEXT_TOKEN_BUDGET = "2000";
    resetEnvCache();
    try {
      const { me, id } = await newChat();
      const { ObjectId } = await import("mongodb");
      const conversationId = new ObjectId(id);
      let after: Date | undefined;
      for (let i = 0; i < 300; i += 1) {
        const sender = i % 2 ? "ai" : "user";
        after = (await insertMessage(me.owner, conversationId, { sender, message: `message ${i} ${"word ".repeat(40)}`, status: "complete", after })).timestamp;
      }
      await touchConversation(me.owner, conversationId, after!, 300);
      await readEvents(await postReply(id, { mode: "send", text: "And now?" }));
      const sent = model.calls[0]!;
      const { estimateTokens: estimateTokensOf } = await import("@/lib/server/ai/token-budget");
      const tokens = estimateTokensOf(sent.systemInstruction) + sent.messages.reduce((sum, m) => sum + estimateTokensOf(m.text), 0);
      expect(tokens).toBeLessThanOrEqual(2000);
      expect(sent.messages.length).toBeLessThan(300);
      expect(sent.messages.at(-1)).toEqual({ role: "user", text: "And now?" });
    } finally {
      delete process.env.CHAT_CONTEXT_TOKEN_BUDGET;
      resetEnvCache();
    }
  });

  it("uses the new details for the next reply after a mid-chat edit, and never sends the notice", async () => {
    const { me, id } = await newChat();
    await readEvents(await postReply(id, { mode: "send", text: "Hello" }));
    await updateConversationDetailsFor(me.owner, id, { climate: "subtropical" });
    await readEvents(await postReply(id, { mode: "send", text: "Again" }));
    expect(model.calls[1]?.systemInstruction).toContain("subtropical");
    expect(model.calls[1]?.systemInstruction).not.toContain("cool temperate");
    expect(model.calls[1]?.messages.map((m) => m.text)).toEqual(["Hello", "Scripted answer.", "Again"]);
  });
});

// Issue 11: the history is read alongside the user's message write, and the placeholder and the
// counters are written while the model starts; none of that may change what is saved, what the
// model sees or which refusal wins.
describe("the reply path's ordering", () => {
  it("names the reply's stored id in `start`, and the conversation counts both turns once the stream has ended", async () => {
    const { id } = await newChat();
    model.next.push(reply("Mulch ", "now."));
    const events = await readEvents(await postReply(id, { mode: "send", text: "Autumn jobs?" }));
    const stored = await test.db().collection("messages").findOne({ conversationId: new ObjectId(id), sender: "ai" });
    expect(stored?._id.toHexString()).toBe(last(events, "start")?.messageId);
    expect(stored).toMatchObject({ message: "Mulch now.", status: "complete" });
    const conversation = await test.db().collection("conversations").findOne({ _id: new ObjectId(id) });
    expect(conversation?.messageCount).toBe(2);
    expect(conversation?.lastMessageAt).toEqual(stored?.timestamp);
  });

  it("counts both turns when the model fails part-way through the reply", async () => {
    const failed = await newChat();
    model.next.push(failAfter(["Par"], new Error("upstream exploded")));
    const events = await readEvents(await postReply(failed.id, { mode: "send", text: "Frost dates?" }));
    expect(last(events, "error")).toBeDefined();
    const conversation = await test.db().collection("conversations").findOne({ _id: new ObjectId(failed.id) });
    const reply = await test.db().collection("messages").findOne({ conversationId: new ObjectId(failed.id), sender: "ai" });
    expect(reply).toMatchObject({ message: "Par", status: "error" });
    expect(conversation).toMatchObject({ messageCount: 2, lastMessageAt: reply?.timestamp });
  });

  it("sends the model the earlier turns in order and the new message exactly once", async () => {
    const { id } = await newChat();
    for (const text of ["first", "second", "third"]) {
      model.next.push(reply(`re: ${text}`));
      await readEvents(await postReply(id, { mode: "send", text }));
    }
    const lastCall = model.calls.at(-1);
    expect(lastCall?.messages).toEqual([
      { role: "user", text: "first" },
      { role: "model", text: "re: first" },
      { role: "user", text: "second" },
      { role: "model", text: "re: second" },
      { role: "user", text: "third" },
    ]);
  });

  it("answers 'not found' for another user's conversation even when that user's rate limit is used up", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "1";
    resetEnvCache();
    try {
      const { id } = await newChat();
      const stranger = await makeUser("stranger");
      const own = await startConversation(stranger.owner, (await saveCustomRole(stranger.owner, customRoleInput())).id, { climate: "dry" });
      signInAs(stranger.user);
      model.next.push(reply("ok"));
      expect((await postReply(own._id.toHexString(), { mode: "send", text: "mine" })).status).toBe(200);
      const refused = await postReply(id, { mode: "send", text: "theirs" });
      expect(refused.status).toBe(404);
      expect(await test.db().collection("messages").countDocuments({ conversationId: new ObjectId(id) })).toBe(0);
    } finally {
      delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});
