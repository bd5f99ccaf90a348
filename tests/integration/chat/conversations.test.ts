import { describe, expect, it } from "vitest";
import {
  clearHistory,
  deleteConversation,
  listConversations,
  renameConversation,
  startConversation,
  updateConversationDetailsFor,
} from "@/lib/server/services/chat/conversation-service";
import { getConversationView, prefilledDetails } from "@/lib/server/services/chat/queries";
import { deleteCustomRole, saveCustomRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import { insertMessage } from "@/models/messages";
import { useAppDatabase } from "../../helpers/app-db";
import { customRoleInput, makeUser } from "./fixtures";

const test = useAppDatabase();

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("starting a chat", () => {
  it("refuses details that break the role's fields, per field, and saves nothing", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const error = await errorOf(startConversation(owner, id, { experience: "expert" }));
    expect(error.code).toBe("invalid:details");
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["climate", "experience"]));
    expect(await test.db().collection("conversations").countDocuments({ userId: owner })).toBe(0);
    expect(await test.db().collection("briefs").countDocuments({ userId: owner })).toBe(0);
  });

  it("stores the role snapshot, which later role edits do not rewrite, and remembers the brief", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const conversation = await startConversation(owner, id, { climate: "cool temperate", experience: "new" });

    await saveCustomRole(owner, customRoleInput({ name: "Renamed", instructions: "Different now." }), id);

    const view = await getConversationView(owner, conversation._id.toHexString());
    expect(view?.conversation).toMatchObject({ roleId: id, roleName: "Garden Helper", details: { climate: "cool temperate", experience: "new" } });
    const stored = await test.db().collection("conversations").findOne({ _id: conversation._id });
    expect(stored?.instructions).toBe("You are a patient gardening helper.");
    expect(await prefilledDetails(owner, { id, fields: view!.conversation.fields })).toMatchObject({ climate: "cool temperate", experience: "new" });
  });

  it("refuses an unknown role or another user's custom role as not found", async () => {
    const { owner } = await makeUser();
    const other = await makeUser();
    const { id } = await saveCustomRole(other.owner, customRoleInput());
    expect((await errorOf(startConversation(owner, id, { climate: "x" }))).code).toBe("not_found:role");
    expect((await errorOf(startConversation(owner, "no-such-role", {}))).code).toBe("not_found:role");
  });
});

describe("deleting a custom role", () => {
  it("deletes the role's saved details (its brief) with it, and nobody else's", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const other = await saveCustomRole(owner, customRoleInput({ name: "Second" }));
    await startConversation(owner, id, { climate: "cool temperate" });
    await startConversation(owner, other.id, { climate: "tropical" });

    await deleteCustomRole(owner, id);

    expect(await test.db().collection("briefs").countDocuments({ userId: owner, roleId: id })).toBe(0);
    expect(await test.db().collection("briefs").countDocuments({ userId: owner, roleId: other.id })).toBe(1);
  });
});

describe("the sidebar list", () => {
  it("pages newest first by cursor without repeating or skipping, and bounds the page size", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await startConversation(owner, id, { climate: `c${i}` }))._id.toHexString());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listConversations(owner, cursor, 3);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());

    const huge = await listConversations(owner, null, 10_000);
    expect(huge.items).toHaveLength(7);
    expect(huge.nextCursor).toBeNull();
    // A garbage cursor is the first page, not an error.
    expect((await listConversations(owner, "not-a-cursor", 2)).items.map((item) => item.id)).toEqual(seen.slice(0, 2));
  });

  it("moves a conversation with a new message to the top", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const older = await startConversation(owner, id, { climate: "a" });
    await startConversation(owner, id, { climate: "b" });
    await updateConversationDetailsFor(owner, older._id.toHexString(), { climate: "changed" });
    const page = await listConversations(owner, null);
    expect(page.items[0]?.id).toBe(older._id.toHexString());
  });
});

describe("managing conversations", () => {
  it("renames with a validated title", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const conversation = await startConversation(owner, id, { climate: "a" });
    expect((await errorOf(renameConversation(owner, conversation._id.toHexString(), "   "))).code).toBe("invalid:title");
    await renameConversation(owner, conversation._id.toHexString(), "  Tomatoes  ");
    expect((await listConversations(owner, null)).items[0]?.title).toBe("Tomatoes");
  });

  it("deletes a conversation together with its messages", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const conversation = await startConversation(owner, id, { climate: "a" });
    await insertMessage(owner, conversation._id, { sender: "user", message: "hi", status: "complete" });
    await deleteConversation(owner, conversation._id.toHexString());
    expect(await test.db().collection("messages").countDocuments({ conversationId: conversation._id })).toBe(0);
    expect(await getConversationView(owner, conversation._id.toHexString())).toBeNull();
  });

  it("clears the whole history of one user and only that user", async () => {
    const me = await makeUser();
    const other = await makeUser();
    const mine = await saveCustomRole(me.owner, customRoleInput());
    const theirs = await saveCustomRole(other.owner, customRoleInput());
    for (let i = 0; i < 3; i += 1) {
      const c = await startConversation(me.owner, mine.id, { climate: "a" });
      await insertMessage(me.owner, c._id, { sender: "user", message: "hi", status: "complete" });
    }
    const kept = await startConversation(other.owner, theirs.id, { climate: "b" });
    await insertMessage(other.owner, kept._id, { sender: "user", message: "mine", status: "complete" });

    expect(await clearHistory(me.owner)).toEqual({ conversations: 3, messages: 3 });
    expect((await listConversations(me.owner, null)).items).toEqual([]);
    expect((await getConversationView(other.owner, kept._id.toHexString()))?.messages).toHaveLength(1);
  });

  it("records a details change as a notice, and updates the brief", async () => {
    const { owner } = await makeUser();
    const { id } = await saveCustomRole(owner, customRoleInput());
    const conversation = await startConversation(owner, id, { climate: "dry" });
    const result = await updateConversationDetailsFor(owner, conversation._id.toHexString(), { climate: "wet", experience: "lots" });
    expect(result.details).toMatchObject({ climate: "wet", experience: "lots" });
    expect(result.notice).toMatchObject({ kind: "notice", status: "complete" });
    expect(result.notice.message).toContain("Climate: dry → wet");
    const view = await getConversationView(owner, conversation._id.toHexString());
    expect(view?.messages.map((m) => m.kind)).toEqual(["notice"]);
    expect(await prefilledDetails(owner, { id, fields: view!.conversation.fields })).toMatchObject({ climate: "wet" });

    const bad = await errorOf(updateConversationDetailsFor(owner, conversation._id.toHexString(), { climate: "" }));
    expect(bad.code).toBe("invalid:details");
  });
});
