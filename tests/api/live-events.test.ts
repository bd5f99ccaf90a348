/**
 * The live event streams through their route handlers and the real change stream: a reply's
 * chunks and final state arrive in order, another user's id is 404 and their stream never sees
 * a thing of ours, Last-Event-ID resumes exactly (or says it cannot), and the per-user cap is 429.
 */
import { ObjectId } from "mongodb";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeLiveHub, liveHub, MAX_LISTENERS_PER_USER } from "@/lib/server/services/live/hub";
import { MAX_BUFFERED_BYTES } from "@/lib/server/services/live/live-response";
import { insertReplyChunk } from "@/models/reply-chunks";
import { useAppDatabase } from "../helpers/app-db";
import { hangAfter, reply as scriptedReply, sharedModel } from "../integration/chat/fixtures";
import { call } from "./client";
import { makeApiUser, makeConversation, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

useAppDatabase();
afterAll(() => closeLiveHub());

interface Frame {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

/** Reads an SSE response frame by frame. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const frames: Frame[] = [];
  const parse = () => {
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const raw = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = /^event: (.*)$/m.exec(raw)?.[1];
      if (!event) continue;
      frames.push({ id: /^id: (.*)$/m.exec(raw)?.[1], event, data: JSON.parse(/^data: (.*)$/m.exec(raw)?.[1] ?? "{}") });
    }
  };
  return {
    frames,
    /** Reads until `test` holds for the frames so far. */
    async until(test: (frames: Frame[]) => boolean): Promise<Frame[]> {
      while (!test(frames)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended; had ${JSON.stringify(frames.map((f) => f.event))}`);
        buffered += value;
        parse();
      }
      return frames;
    },
    cancel: () => reader.cancel(),
  };
}

async function open(user: ApiUser, path: string, headers: Record<string, string> = {}) {
  const aborter = new AbortController();
  const response = await call("GET", path, { as: { token: user.token }, headers, signal: aborter.signal });
  return { response, aborter };
}

async function rename(user: ApiUser, conversationId: string, title: string) {
  expect((await call("PATCH", `/api/v1/conversations/${conversationId}`, { as: { token: user.token }, body: { title } })).status).toBe(200);
}

const isTitled = (title: string) => (frame: Frame) => frame.event === "conversation" && (frame.data.conversation as { title: string }).title === title;

describe("a conversation's event stream", () => {
  it("carries the reply as it streams — chunks in sequence, then its final state — and Stop", async () => {
    const owner = await makeApiUser("live");
    const conversationId = await makeConversation(owner);
    const { response, aborter } = await open(owner, `/api/v1/conversations/${conversationId}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = sseReader(response);

    let waiting = false;
    sharedModel.next.push(hangAfter(["Plant ", "peas ", "first."], () => (waiting = true)));
    const reply = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: owner.token }, body: { text: "What first?" }, unchecked: true });
    expect(reply.status).toBe(200);
    await vi.waitFor(() => expect(waiting).toBe(true));
    const chunksText = (frames: Frame[]) => frames.filter((f) => f.event === "chunk").map((f) => f.data.text).join("");
    await events.until((frames) => chunksText(frames) === "Plant peas first.");
    const chunks = events.frames.filter((f) => f.event === "chunk");
    expect(chunks.map((f) => f.data.seq)).toEqual(chunks.map((_, i) => i + 1));
    const replyId = chunks[0]!.data.messageId as string;

    expect((await call("GET", `/api/v1/conversations/${conversationId}/messages`, { as: { token: owner.token } })).status).toBe(200);
    const { stopReply } = await import("@/lib/server/services/live/stop-reply");
    expect(await stopReply(owner.owner, conversationId, replyId)).toBe(true);
    const final = (frames: Frame[]) => frames.find((f) => f.event === "message" && (f.data.message as { id: string }).id === replyId && (f.data.message as { status: string }).status !== "streaming");
    await events.until((frames) => final(frames) !== undefined);
    expect(final(events.frames)!.data.message).toMatchObject({ status: "stopped", message: "Plant peas first." });
    await reply.text();
    aborter.abort();
  });

  it("is 404 for another user's conversation, and another user's stream never sees ours", async () => {
    const owner = await makeApiUser("owner");
    const stranger = await makeApiUser("stranger");
    const conversationId = await makeConversation(owner);
    const theirs = await makeConversation(stranger);

    const refused = await call("GET", `/api/v1/conversations/${conversationId}/events`, { as: { token: stranger.token } });
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await call("GET", `/api/v1/conversations/not-an-id/events`, { as: { token: stranger.token } })).status).toBe(404);

    const { response, aborter } = await open(stranger, "/api/v1/me/events");
    const events = sseReader(response);
    await rename(owner, conversationId, "Owner's secret plans");
    // The stranger's own change after ours: once it arrives, ours would have arrived before it.
    await rename(stranger, theirs, "Stranger's marker");
    await events.until((frames) => frames.some(isTitled("Stranger's marker")));
    expect(JSON.stringify(events.frames)).not.toContain(conversationId);
    expect(JSON.stringify(events.frames)).not.toContain("secret");
    aborter.abort();
  });
});

describe("resuming with Last-Event-ID", () => {
  it("gets exactly what was missed, and a forged id says it cannot resume", async () => {
    const owner = await makeApiUser("resume");
    const conversationId = await makeConversation(owner);
    const first = await open(owner, "/api/v1/me/events");
    const before = sseReader(first.response);
    await rename(owner, conversationId, "One");
    const [seen] = await before.until((frames) => frames.some(isTitled("One")));
    first.aborter.abort();

    await rename(owner, conversationId, "Two");
    await rename(owner, conversationId, "Three");
    const again = await open(owner, "/api/v1/me/events", { "last-event-id": seen!.id! });
    const after = sseReader(again.response);
    await after.until((frames) => frames.some(isTitled("Three")));
    expect(after.frames.filter((f) => f.event === "conversation").map((f) => (f.data.conversation as { title: string }).title)).toEqual(["Two", "Three"]);
    again.aborter.abort();

    const forged = await open(owner, "/api/v1/me/events", { "last-event-id": "forged-or-long-gone" });
    const reset = sseReader(forged.response);
    await reset.until((frames) => frames.length > 0);
    expect(reset.frames[0]).toMatchObject({ event: "reset", data: { reason: "history_lost" } });
    forged.aborter.abort();
  });
});

describe("a connection that drops for 30 s", () => {
  afterEach(() => vi.useRealTimers());

  it("misses nothing: a whole reply and a rename made meanwhile arrive on resume, in order, once", async () => {
    const owner = await makeApiUser("dropped");
    const conversationId = await makeConversation(owner);
    const first = await open(owner, `/api/v1/conversations/${conversationId}/events`);
    const before = sseReader(first.response);
    await rename(owner, conversationId, "Before the drop");
    const [seen] = await before.until((frames) => frames.some(isTitled("Before the drop")));
    first.aborter.abort();

    // 30 s pass on the server's clock (Date: timestamps, heartbeats' records, token use) while
    // the client is away; a reply streams from start to end and the chat is renamed.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 30_000);
    sharedModel.next.push(scriptedReply("Sow ", "beans ", "in ", "May."));
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: owner.token }, body: { text: "When beans?", stream: false } });
    expect(sent.status).toBe(200);
    const replyId = ((await sent.json()) as { reply: { id: string } }).reply.id;
    await rename(owner, conversationId, "After the drop");

    const again = await open(owner, `/api/v1/conversations/${conversationId}/events`, { "last-event-id": seen!.id! });
    const after = sseReader(again.response);
    await after.until((frames) => frames.some(isTitled("After the drop")));
    expect(after.frames.some((f) => f.event === "reset")).toBe(false);
    const chunks = after.frames.filter((f) => f.event === "chunk" && f.data.messageId === replyId);
    expect(chunks.map((f) => f.data.seq)).toEqual(chunks.map((_, i) => i + 1));
    expect(chunks.map((f) => f.data.text).join("")).toBe("Sow beans in May.");
    const final = after.frames.findIndex((f) => f.event === "message" && (f.data.message as { id: string; status: string }).id === replyId && (f.data.message as { status: string }).status === "complete");
    expect(final).toBeGreaterThan(after.frames.indexOf(chunks.at(-1)!));
    expect(after.frames.findIndex(isTitled("After the drop"))).toBeGreaterThan(final);
    // Each event once: no id repeats, and none from before the drop comes back.
    const ids = after.frames.map((f) => f.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(seen!.id);
    again.aborter.abort();
  });

  it("says it cannot resume from an id the server no longer holds (its live feed restarted), instead of skipping events", async () => {
    const owner = await makeApiUser("stale");
    const conversationId = await makeConversation(owner);
    const first = await open(owner, "/api/v1/me/events");
    const before = sseReader(first.response);
    await rename(owner, conversationId, "Seen");
    const [seen] = await before.until((frames) => frames.some(isTitled("Seen")));
    first.aborter.abort();
    // A restart of this instance's feed (a deploy, a crash): the old positions are gone.
    await closeLiveHub();
    await rename(owner, conversationId, "Missed");
    const stale = await open(owner, "/api/v1/me/events", { "last-event-id": seen!.id! });
    const reset = sseReader(stale.response);
    await reset.until((frames) => frames.length > 0);
    expect(reset.frames[0]).toMatchObject({ event: "reset", data: { reason: "history_lost" } });
    stale.aborter.abort();
  });
});

describe("limits", () => {
  it(`refuses the user's connection past ${MAX_LISTENERS_PER_USER} with 429, and drops a client that never reads`, async () => {
    const owner = await makeApiUser("many");
    const conversationId = await makeConversation(owner);
    const opened = [];
    for (let i = 0; i < MAX_LISTENERS_PER_USER; i++) opened.push(await open(owner, "/api/v1/me/events"));
    const refused = await call("GET", "/api/v1/me/events", { as: { token: owner.token } });
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe("rate_limited:live");

    // None of these connections is read: past MAX_BUFFERED_BYTES queued, the hub lets them go.
    const hub = liveHub();
    const listening = hub.size;
    const messageId = new ObjectId();
    const text = "x".repeat(16 * 1024);
    for (let seq = 1; seq <= Math.ceil((2 * MAX_BUFFERED_BYTES) / text.length); seq++) {
      await insertReplyChunk({ messageId, conversationId: new ObjectId(conversationId), userId: owner.owner, seq, text });
    }
    await vi.waitFor(() => expect(hub.size).toBe(listening - MAX_LISTENERS_PER_USER));
    for (const { aborter } of opened) aborter.abort();
    const ok = await call("GET", "/api/v1/me/events", { as: { token: owner.token } });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
  });
});
