/**
 * Stop through the public API, with a slow reply from the real @google/genai SDK against the fake
 * Gemini: POST /api/v1/conversations/{id}/stop answers 202 naming the streaming reply, the model
 * request is closed, the partial text is kept as `stopped`; a repeated Stop is 200 `idle`; another
 * user's conversation is 404 and stops nothing; a read-only token is 403.
 */
import { ObjectId } from "mongodb";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeLiveHub } from "@/lib/server/services/live/hub";
import { useAppDatabase } from "../helpers/app-db";
import { useFakeGeminiApp } from "../helpers/fake-gemini-app";
import { call } from "./client";
import { makeApiUser, makeConversation } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();
const fake = useFakeGeminiApp("api-stop-key");
afterAll(() => closeLiveHub());

const WORDS = Array.from({ length: 200 }, (_, i) => `word${i} `);

/** Reads a reply's SSE body until its text so far satisfies `test`; returns the reader to finish with. */
async function readUntil(response: Response, test: (text: string) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let raw = "";
  const text = () => [...raw.matchAll(/^event: text\ndata: (.*)$/gm)].map((m) => (JSON.parse(m[1]!) as { text: string }).text).join("");
  while (!test(text())) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`reply ended early: ${raw}`);
    raw += value;
  }
  return {
    text,
    /** Reads to the end of the response. */
    async rest(): Promise<string> {
      for (let next = await reader.read(); !next.done; next = await reader.read()) raw += next.value;
      return raw;
    },
  };
}

describe("POST /api/v1/conversations/{id}/stop", () => {
  it("stops a slow reply mid-way, keeps its partial text, and is idle when asked again", async () => {
    const me = await makeApiUser("stopper");
    const stranger = await makeApiUser("not-mine");
    const conversationId = await makeConversation(me);
    fake.script({ chunks: WORDS, delayMs: 50 });
    const reply = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body: { text: "Count slowly" } });
    expect(reply.status).toBe(200);
    const reading = await readUntil(reply, (text) => text.includes("word2 "));

    // Neither a stranger nor a read-only token can stop it.
    const theirs = await call("POST", `/api/v1/conversations/${conversationId}/stop`, { as: { token: stranger.token } });
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get("content-type")).toBe("application/problem+json");
    expect((await call("POST", `/api/v1/conversations/${conversationId}/stop`, { as: { token: me.readToken } })).status).toBe(403);

    const stopped = await call("POST", `/api/v1/conversations/${conversationId}/stop`, { as: { token: me.token } });
    expect(stopped.status).toBe(202);
    const result = (await stopped.json()) as { state: string; messageIds: string[] };
    expect(result).toMatchObject({ state: "stopping", messageIds: [expect.stringMatching(/^[0-9a-f]{24}$/)] });

    await reading.rest();
    const saved = await test.db().collection("messages").findOne({ _id: new ObjectId(result.messageIds[0]) });
    expect(saved).toMatchObject({ sender: "ai", status: "stopped" });
    // The partial text: everything the client was sent, and far short of the whole reply.
    expect(saved!.message).toBe(reading.text());
    expect(saved!.message.startsWith("word0 word1 word2 ")).toBe(true);
    expect(saved!.message.length).toBeLessThan(WORDS.join("").length);
    await vi.waitFor(() => expect(fake.requests.find((r) => r.kind === "stream")?.closedByClient).toBe(true));

    const again = await call("POST", `/api/v1/conversations/${conversationId}/stop`, { as: { token: me.token } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ state: "idle", messageIds: [] });
    expect((await test.db().collection("messages").findOne({ _id: saved!._id }))!.message).toBe(saved!.message);
  });

  it("is 404 for a malformed or unknown conversation id, and idle for a conversation with no reply", async () => {
    const me = await makeApiUser("idle");
    expect((await call("POST", "/api/v1/conversations/not-an-id/stop", { as: { token: me.token } })).status).toBe(404);
    expect((await call("POST", `/api/v1/conversations/${new ObjectId().toHexString()}/stop`, { as: { token: me.token } })).status).toBe(404);
    const conversationId = await makeConversation(me);
    const idle = await call("POST", `/api/v1/conversations/${conversationId}/stop`, { as: { token: me.token } });
    expect(idle.status).toBe(200);
    expect(await idle.json()).toEqual({ state: "idle", messageIds: [] });
  });
});
