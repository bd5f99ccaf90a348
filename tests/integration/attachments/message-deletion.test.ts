/**
 * Every path that deletes single messages takes their files: regenerate (the last reply) and
 * edit-and-resend (the replies after the edited message), through the reply route, checked
 * through the driver — files documents and chunks — and all-or-nothing: an edit that fails
 * leaves the replies and their files as they were. Today's replies carry no files, so the test
 * links one to a reply the way a reply with files would be stored.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { linkAttachments } from "@/lib/server/services/attachments/attachment-service";
import { storeAttachment } from "@/lib/server/services/attachments/store-attachment";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser, postReply, readEvents } from "../chat/fixtures";
import { signInAs } from "../chat/session-mock";
import { pngBytes, streamOf } from "./samples";

const failEdits = vi.hoisted(() => ({ on: false }));

vi.mock("@/lib/server/services/auth/session", async () => (await import("../chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});
// A failure inside the edit's transaction, after the replies and their files were deleted in it.
vi.mock("@/models/messages", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/models/messages")>();
  return {
    ...actual,
    replaceMessageText: async (...args: Parameters<typeof actual.replaceMessageText>) => {
      if (failEdits.on) throw new Error("disk on fire");
      return actual.replaceMessageText(...args);
    },
  };
});

const test = useAppDatabase();

interface Setup {
  owner: ObjectId;
  id: string;
  userFile: ObjectId;
  replyFile: ObjectId;
  replyThumbnail: ObjectId;
}

/** A chat with one exchange: the user's message carries a file, and so (as stored) does the reply. */
async function exchangeWithFiles(prefix: string): Promise<Setup> {
  const me = await makeUser(prefix);
  signInAs(me.user);
  const conversation = await startConversation(me.owner, "chatcraft-guide", { chatcraft_experience: "Regular user" });
  const id = conversation._id.toHexString();
  const png = await pngBytes(500, 400);
  const userFile = await storeAttachment(me.owner, { name: "mine.png", claimedType: "image/png", content: streamOf(png), conversationId: conversation._id });
  const events = await readEvents(await postReply(id, { mode: "send", text: "Look", attachmentIds: [userFile._id.toHexString()] }));
  const done = events.find((event) => event.type === "done");
  if (done?.type !== "done") throw new Error("no reply");
  const replyFile = await storeAttachment(me.owner, { name: "reply.png", claimedType: "image/png", content: streamOf(png), conversationId: conversation._id });
  await linkAttachments(me.owner, conversation._id, new ObjectId(done.message.id), [replyFile]);
  return { owner: me.owner, id, userFile: userFile._id, replyFile: replyFile._id, replyThumbnail: replyFile.metadata.thumbnailId! };
}

async function present(ids: ObjectId[]): Promise<{ files: number; chunks: number }> {
  const db = test.db();
  return {
    files: await db.collection("attachments.files").countDocuments({ _id: { $in: ids } }),
    chunks: await db.collection("attachments.chunks").countDocuments({ files_id: { $in: ids } }),
  };
}

describe("deleting single messages deletes their files", () => {
  it("regenerate: the replaced reply's files and chunks go, the user's stay", async () => {
    const s = await exchangeWithFiles("regen");
    expect((await present([s.replyFile, s.replyThumbnail])).files).toBe(2);
    const response = await postReply(s.id, { mode: "regenerate" });
    expect(response.status).toBe(200);
    await readEvents(response);
    expect(await present([s.replyFile, s.replyThumbnail])).toEqual({ files: 0, chunks: 0 });
    expect((await present([s.userFile])).files).toBe(1);
    expect((await present([s.userFile])).chunks).toBeGreaterThan(0);
  });

  it("edit and resend: the dropped reply's files go, the edited message keeps its own", async () => {
    const s = await exchangeWithFiles("edit");
    const response = await postReply(s.id, { mode: "edit", text: "Look again" });
    expect(response.status).toBe(200);
    await readEvents(response);
    expect(await present([s.replyFile, s.replyThumbnail])).toEqual({ files: 0, chunks: 0 });
    expect((await present([s.userFile])).files).toBe(1);
  });

  it("an edit that fails part-way keeps the reply and its files (one transaction)", async () => {
    const s = await exchangeWithFiles("editfail");
    const before = await present([s.replyFile, s.replyThumbnail]);
    const messagesBefore = await test.db().collection("messages").countDocuments({ userId: s.owner });
    failEdits.on = true;
    try {
      const response = await postReply(s.id, { mode: "edit", text: "Look again" });
      expect(response.status).toBe(500);
    } finally {
      failEdits.on = false;
    }
    expect(await present([s.replyFile, s.replyThumbnail])).toEqual(before);
    expect(before.files).toBe(2);
    expect(await test.db().collection("messages").countDocuments({ userId: s.owner })).toBe(messagesBefore);
  });
});
