/**
 * A streaming reply's progress in MongoDB, through the reply route and the real driver: its text
 * as batched append-only chunks that a reload reads back ("the reply so far"), Stop recorded in
 * the database and obeyed by the streaming instance, and the sweeper that marks a reply whose
 * instance died as interrupted.
 */
import { ObjectId } from "mongodb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { getConversationView } from "@/lib/server/services/chat/queries";
import { stopReply } from "@/lib/server/services/live/stop-reply";
import { STALE_MS, sweepInterruptedReplies } from "@/lib/server/services/live/sweeper";
import { saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { insertMessage } from "@/models/messages";
import { insertReplyChunk } from "@/models/reply-chunks";
import { requestReplyStop, startReplyStream } from "@/models/reply-streams";
import { useAppDatabase } from "../../helpers/app-db";
import { customRoleInput, hangAfter, makeUser, postReply, readEvents, sharedModel, type Script, type TestUser } from "../chat/fixtures";
import { signInAs } from "../chat/session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

const test = useAppDatabase();
const model = sharedModel;

beforeEach(() => {
  model.next.length = 0;
});

async function newChat(): Promise<{ me: TestUser; id: string }> {
  const me = await makeUser("live");
  signInAs(me.user);
  const role = await saveCustomRole(me.owner, customRoleInput());
  const conversation = await startConversation(me.owner, role.id, { climate: "cool temperate" });
  return { me, id: conversation._id.toHexString() };
}

/** `count` one-word tokens a few ms apart, then waits for Stop. */
function tokensThenHang(count: number, onWaiting: () => void): Script {
  return async function* (signal) {
    for (let i = 0; i < count; i++) {
      yield { type: "text", text: `w${i} ` };
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    yield* hangAfter([], onWaiting)(signal);
  };
}

const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i} `).join("");

async function replyOf(conversationId: string) {
  return test.db().collection("messages").findOne({ conversationId: new ObjectId(conversationId), sender: "ai" });
}

describe("a streaming reply's progress", () => {
  it("is written as batched chunks, read back whole on a reload, and Stop from elsewhere keeps it", async () => {
    const { me, id } = await newChat();
    let waiting = false;
    model.next.push(tokensThenHang(200, () => (waiting = true)));
    const response = await postReply(id, { mode: "send", text: "Count for me" }, new AbortController().signal);
    await vi.waitFor(() => expect(waiting).toBe(true), { timeout: 5_000 });

    // What a reload shows: the text so far, and the sequence it goes up to.
    await vi.waitFor(async () => {
      const view = await getConversationView(me.user, id);
      const reply = view!.messages.at(-1)!;
      expect(reply).toMatchObject({ sender: "ai", status: "streaming", message: words(200) });
      expect(reply.seq).toBeGreaterThan(0);
    });
    const reply = await replyOf(id);
    const chunks = await test.db().collection("replyChunks").find({ messageId: reply!._id }).sort({ seq: 1 }).toArray();
    expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, i) => i + 1));
    // Batched: far fewer writes than tokens.
    expect(chunks.length).toBeLessThan(100);

    // Stop recorded in the database only (as another instance does): the heartbeat sees it.
    expect(await requestReplyStop(me.owner, reply!._id)).toBe(true);
    const events = await readEvents(response);
    expect(events.at(-1)).toMatchObject({ type: "done", message: { status: "stopped", message: words(200) } });
    expect(await replyOf(id)).toMatchObject({ status: "stopped", message: words(200) });
    expect(await test.db().collection("replyStreams").countDocuments({ _id: reply!._id })).toBe(0);
  });

  it("refuses Stop on another user's reply as not found, and leaves it streaming", async () => {
    const { me, id } = await newChat();
    let waiting = false;
    model.next.push(hangAfter(["Mine"], () => (waiting = true)));
    const response = await postReply(id, { mode: "send", text: "Hello" }, new AbortController().signal);
    await vi.waitFor(() => expect(waiting).toBe(true));
    const reply = (await replyOf(id))!;
    const stranger = await makeUser("stranger");
    signInAs(me.user);
    await expect(stopReply(stranger.owner, id, reply._id.toHexString())).rejects.toMatchObject({ code: "not_found:conversation" });
    expect(await requestReplyStop(stranger.owner, reply._id)).toBe(false);
    expect((await replyOf(id))!.status).toBe("streaming");

    expect(await stopReply(me.owner, id, reply._id.toHexString())).toBe(true);
    expect((await readEvents(response)).at(-1)).toMatchObject({ type: "done", message: { status: "stopped", message: "Mine" } });
  });
});

describe("the sweeper", () => {
  it("marks a reply whose instance stopped beating as interrupted, keeping its chunks' text, once", async () => {
    const { me, id } = await newChat();
    const conversationId = new ObjectId(id);
    const reply = await insertMessage(me.owner, conversationId, { sender: "ai", message: "", status: "streaming" });
    await startReplyStream({ _id: reply._id, conversationId, userId: me.owner, instance: "dead-instance" });
    for (const [seq, text] of [[1, "Half "], [2, "of it"]] as const) {
      await insertReplyChunk({ messageId: reply._id, conversationId, userId: me.owner, seq, text });
    }
    // A live heartbeat is left alone.
    expect(await sweepInterruptedReplies(new Date())).toBe(0);
    const later = new Date(Date.now() + STALE_MS + 1_000);
    expect(await sweepInterruptedReplies(later)).toBe(1);
    expect(await test.db().collection("messages").findOne({ _id: reply._id })).toMatchObject({ status: "error", errorCode: "interrupted", message: "Half of it" });
    expect(await sweepInterruptedReplies(later)).toBe(0);
    const view = await getConversationView(me.user, id);
    expect(view!.messages.at(-1)).toMatchObject({ status: "error", errorCode: "interrupted", message: "Half of it" });
  });
});
