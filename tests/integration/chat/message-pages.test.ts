import { describe, expect, it, vi } from "vitest";
import { loadOlderMessagesAction } from "@/app/(app)/chat/actions";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { getConversationView, listAdjacentMessages, MESSAGE_PAGE_SIZE } from "@/lib/server/services/chat/queries";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser } from "./fixtures";
import { signInAs } from "./session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./session-mock")).sessionMock);
useAppDatabase();

/** A conversation with `count` turns, written the way the reply path writes them. */
async function conversationWith(count: number) {
  const { owner, user } = await makeUser();
  const conversation = await startConversation(owner, "tech-support", { device_os: "ThinkPad, Linux", product: "NetworkManager 1.46", comfort_level: "Technical" });
  let after: Date | undefined;
  for (let i = 0; i < count; i++) {
    const doc = await insertMessage(owner, conversation._id, { sender: i % 2 ? "ai" : "user", message: `message ${i}`, status: "complete", after });
    after = doc.timestamp;
  }
  return { owner, user, id: conversation._id.toHexString() };
}

/** Every message, walking back from the newest page. */
async function collectAll(owner: Awaited<ReturnType<typeof conversationWith>>["owner"], id: string) {
  const view = (await getConversationView(owner, id))!;
  let shown = view.messages;
  for (let hasOlder = view.hasOlder; hasOlder; ) {
    const page = (await listAdjacentMessages(owner, id, { before: new Date(shown[0]!.timestamp) }))!;
    shown = [...page.messages, ...shown];
    hasOlder = page.hasOlder;
  }
  return shown;
}

describe("reading a long conversation page by page", () => {
  it("opens on the newest page and walks back to the first message without repeating or skipping one", async () => {
    const total = MESSAGE_PAGE_SIZE * 2 + 7;
    const { owner, id } = await conversationWith(total);

    const view = await getConversationView(owner, id);
    expect(view?.messages).toHaveLength(MESSAGE_PAGE_SIZE);
    expect(view?.messages.at(-1)?.message).toBe(`message ${total - 1}`);
    expect(view?.hasOlder).toBe(true);

    let shown = view!.messages;
    let hasOlder = view!.hasOlder;
    while (hasOlder) {
      const page = await listAdjacentMessages(owner, id, { before: new Date(shown[0]!.timestamp) });
      expect(page).not.toBeNull();
      shown = [...page!.messages, ...shown];
      hasOlder = page!.hasOlder;
    }
    expect(shown.map((message) => message.message)).toEqual(Array.from({ length: total }, (_, i) => `message ${i}`));
  });

  it("says there is nothing older when the conversation fits one page", async () => {
    const { owner, id } = await conversationWith(3);
    const view = await getConversationView(owner, id);
    expect(view?.messages).toHaveLength(3);
    expect(view?.hasOlder).toBe(false);
  });

  it("gives another user nothing, not even an empty page", async () => {
    const { id, owner } = await conversationWith(MESSAGE_PAGE_SIZE + 1);
    const other = await makeUser();
    const before = new Date((await getConversationView(owner, id))!.messages[0]!.timestamp);
    expect(await listAdjacentMessages(other.owner, id, { before })).toBeNull();
  });
});

describe("opening a conversation at a message (search's jump to the match)", () => {
  it("centres the page on the message and walks both ways to the ends without a gap or a repeat", async () => {
    const total = MESSAGE_PAGE_SIZE * 3 + 5;
    const { owner, id } = await conversationWith(total);
    const all = await collectAll(owner, id);
    const target = all[MESSAGE_PAGE_SIZE + 30]!;

    const view = (await getConversationView(owner, id, target.id))!;
    expect(view.focusId).toBe(target.id);
    expect(view.messages.map((m) => m.id)).toContain(target.id);
    expect(view.hasOlder).toBe(true);
    expect(view.hasNewer).toBe(true);
    let shown = view.messages;
    for (let page = view; page.hasOlder; ) {
      page = { ...(await listAdjacentMessages(owner, id, { before: new Date(shown[0]!.timestamp) }))!, conversation: view.conversation };
      shown = [...page.messages, ...shown];
    }
    for (let page: { hasNewer?: boolean } = view; page.hasNewer; ) {
      const next = (await listAdjacentMessages(owner, id, { after: new Date(shown.at(-1)!.timestamp) }))!;
      shown = [...shown, ...next.messages];
      page = next;
    }
    expect(shown.map((m) => m.message)).toEqual(Array.from({ length: total }, (_, i) => `message ${i}`));
  });

  it("opens on the newest page for a message of another conversation or another user", async () => {
    const { owner, id } = await conversationWith(3);
    const elsewhere = await conversationWith(3);
    const foreign = (await getConversationView(elsewhere.owner, elsewhere.id))!.messages[0]!.id;
    const view = (await getConversationView(owner, id, foreign))!;
    expect(view.focusId).toBeUndefined();
    expect(view.messages.map((m) => m.message)).toEqual(["message 0", "message 1", "message 2"]);
  });
});

describe("loading older messages from the page (server action)", () => {
  it("answers the signed-in owner with the page before the cursor", async () => {
    const { owner, user, id } = await conversationWith(MESSAGE_PAGE_SIZE + 2);
    signInAs(user);
    const oldestShown = (await getConversationView(owner, id))!.messages[0]!;
    const result = await loadOlderMessagesAction(id, oldestShown.timestamp);
    expect(result).toEqual({ ok: true, data: { messages: [expect.objectContaining({ message: "message 0" }), expect.objectContaining({ message: "message 1" })], hasOlder: false, hasNewer: true } });
  });

  it("refuses a malformed cursor as invalid input, another user's conversation as not found, and a signed-out caller", async () => {
    const { user, id } = await conversationWith(2);
    const stranger = await makeUser();
    signInAs(user);
    const malformed = await loadOlderMessagesAction(id, "yesterday");
    expect(malformed.ok ? null : malformed.error.code).toBe("invalid:input");
    signInAs(stranger.user);
    const foreign = await loadOlderMessagesAction(id, new Date().toISOString());
    expect(foreign.ok ? null : foreign.error.code).toBe("not_found:conversation");
    signInAs(null);
    const signedOut = await loadOlderMessagesAction(id, new Date().toISOString());
    expect(signedOut.ok ? null : signedOut.error.code).toBe("unauthorized");
  });
});
