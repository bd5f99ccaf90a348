/**
 * Transactions where a user can see the guarantee: edit-and-resend and account deletion are
 * all-or-nothing. A failure part-way (a write refused by the database) leaves every document as
 * it was, through the real driver and a replica set (the embedded server is one).
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { createUser } from "@/models/users";
import * as messages from "@/models/messages";
import * as sessions from "@/models/sessions";
import { useAppDatabase } from "./../helpers/app-db";
import { customRoleInput, makeUser, postReply, readEvents, reply, sharedModel } from "./chat/fixtures";
import { signInAs } from "./chat/session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("./chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

const test = useAppDatabase();

describe("edit and resend", () => {
  it("keeps the old message, its reply and the counters when the edit fails part-way", async () => {
    const me = await makeUser("editor");
    signInAs(me.user);
    const role = await saveCustomRole(me.owner, customRoleInput());
    const conversation = await startConversation(me.owner, role.id, { climate: "cool temperate" });
    const id = conversation._id.toHexString();
    sharedModel.next.push(reply("Plant peas."));
    await readEvents(await postReply(id, { mode: "send", text: "What first?" }));
    const before = await test.db().collection("messages").find({ conversationId: conversation._id }).sort({ timestamp: 1 }).toArray();
    const counted = (await test.db().collection("conversations").findOne({ _id: conversation._id }))!.messageCount;

    // The reply is deleted and the count lowered first; then the edit itself is refused.
    const spy = vi.spyOn(messages, "replaceMessageText").mockRejectedValueOnce(new Error("disk on fire"));
    try {
      const refused = await postReply(id, { mode: "edit", text: "What second?" });
      expect(refused.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    const after = await test.db().collection("messages").find({ conversationId: conversation._id }).sort({ timestamp: 1 }).toArray();
    expect(after.map((m) => [m.sender, m.message])).toEqual(before.map((m) => [m.sender, m.message]));
    expect((await test.db().collection("conversations").findOne({ _id: conversation._id }))!.messageCount).toBe(counted);
  });
});

describe("account deletion", () => {
  it("removes nothing when a step fails part-way", async () => {
    const user = await createUser(registerSchema.parse({ username: "halfway", email: "halfway@example.com", password: "password-1" }));
    const owner = new ObjectId(user.id);
    const db = test.db();
    await db.collection("conversations").insertOne({ userId: owner, roleId: "tech-support", title: "kept" }, { bypassDocumentValidation: true });
    await db.collection("messages").insertOne({ conversationId: new ObjectId(), userId: owner, sender: "user", message: "kept", timestamp: new Date() }, { bypassDocumentValidation: true });
    // Sessions are deleted after messages and conversations: make that step fail.
    const spy = vi.spyOn(sessions, "deleteAllForOwner").mockRejectedValueOnce(new Error("disk on fire"));
    try {
      await expect(deleteUserData(user.id)).rejects.toThrow("disk on fire");
    } finally {
      spy.mockRestore();
    }
    expect(await db.collection("users").countDocuments({ _id: owner })).toBe(1);
    expect(await db.collection("messages").countDocuments({ userId: owner })).toBe(1);
    expect(await db.collection("conversations").countDocuments({ userId: owner })).toBe(1);

    await deleteUserData(user.id);
    expect(await db.collection("users").countDocuments({ _id: owner })).toBe(0);
    expect(await db.collection("messages").countDocuments({ userId: owner })).toBe(0);
  });
});
