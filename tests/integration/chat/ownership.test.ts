/**
 * A second user can never read, continue, rename, delete or re-detail the first user's
 * conversation, nor read, edit, delete or duplicate their custom role or see their brief —
 * through the server actions, the page queries and the reply route.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  clearHistoryAction,
  deleteConversationAction,
  listConversationsAction,
  renameConversationAction,
  updateDetailsAction,
} from "@/app/(app)/chat/actions";
import { deleteCustomRoleAction, duplicateRoleAction, saveCustomRoleAction, startChatAction } from "@/app/(app)/roles/actions";
import { getConversationView, getRoleForUser, listRolesForUser, prefilledDetails } from "@/lib/server/services/chat/queries";
import { useAppDatabase } from "../../helpers/app-db";
import { customRoleInput, makeUser, reply, sharedModel, type TestUser } from "./fixtures";
import { signInAs } from "./session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("./fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});
const model = sharedModel;
const { POST } = await import("@/app/api/chat/[conversationId]/reply/route");

const test = useAppDatabase();
let alice: TestUser;
let mallory: TestUser;
let roleId: string;
let conversationId: string;

/** startChatAction ends in redirect("/chat/<id>"), which Next signals by throwing. */
async function startChat(form: FormData): Promise<string> {
  const error = await startChatAction(null, form).then(
    (state) => new Error(`no redirect: ${JSON.stringify(state)}`),
    (caught: unknown) => caught,
  );
  const digest = String((error as { digest?: unknown }).digest ?? "");
  const match = /\/chat\/([0-9a-f]{24})/.exec(digest);
  if (!match) throw error;
  return match[1]!;
}

beforeAll(async () => {
  alice = await makeUser("alice");
  mallory = await makeUser("mallory");
  signInAs(alice.user);
  const saved = await saveCustomRoleAction(customRoleInput());
  if (!saved.ok) throw new Error(saved.error.message);
  roleId = saved.data.id;
  const form = new FormData();
  form.set("roleId", roleId);
  form.set("climate", "alpine");
  conversationId = await startChat(form);
  model.next.push(reply("Alice's answer."));
  await (await POST(replyRequest(conversationId, { mode: "send", text: "Alice's secret" }), params(conversationId))).text();
});

function replyRequest(id: string, body: unknown): Request {
  return new Request(`http://localhost/api/chat/${id}/reply`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
}
function params(id: string) {
  return { params: Promise.resolve({ conversationId: id }) };
}

async function aliceStillHasEverything(): Promise<void> {
  const view = await getConversationView(alice.owner, conversationId);
  expect(view?.conversation.details).toEqual({ climate: "alpine" });
  expect(view?.conversation.title).not.toBe("pwned");
  expect(view?.messages.map((m) => m.message)).toEqual(["Alice's secret", "Alice's answer."]);
  expect(await getRoleForUser(alice.owner, roleId)).toMatchObject({ name: "Garden Helper", isCustom: true });
}

describe("the first user's setup", () => {
  it("works for its owner through the same actions", async () => {
    signInAs(alice.user);
    const list = await listConversationsAction(null);
    expect(list.ok && list.data.items.map((item) => item.id)).toEqual([conversationId]);
    await aliceStillHasEverything();
  });
});

describe("another signed-in user", () => {
  it("cannot see the conversation in lists or views", async () => {
    signInAs(mallory.user);
    const list = await listConversationsAction(null);
    expect(list).toEqual({ ok: true, data: { items: [], nextCursor: null } });
    expect(await getConversationView(mallory.owner, conversationId)).toBeNull();
  });

  it("cannot rename, delete or change the details of it", async () => {
    signInAs(mallory.user);
    expect(await renameConversationAction(conversationId, "pwned")).toMatchObject({ ok: false, error: { code: "not_found:conversation" } });
    expect(await deleteConversationAction(conversationId)).toMatchObject({ ok: false, error: { code: "not_found:conversation" } });
    expect(await updateDetailsAction(conversationId, { climate: "desert" })).toMatchObject({
      ok: false,
      error: { code: "not_found:conversation" },
    });
    expect(await clearHistoryAction()).toEqual({ ok: true, data: { conversations: 0, messages: 0 } });
    await aliceStillHasEverything();
  });

  it("cannot continue it through the reply route, in any mode", async () => {
    signInAs(mallory.user);
    for (const body of [{ mode: "send", text: "hi" }, { mode: "regenerate" }, { mode: "edit", text: "rewritten" }]) {
      const response = await POST(replyRequest(conversationId, body), params(conversationId));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    await aliceStillHasEverything();
  });

  it("cannot read, edit, delete, duplicate or chat with the custom role", async () => {
    signInAs(mallory.user);
    expect(await getRoleForUser(mallory.owner, roleId)).toBeNull();
    expect((await listRolesForUser(mallory.owner)).some((role) => role.id === roleId)).toBe(false);
    expect(await saveCustomRoleAction(customRoleInput({ name: "Stolen" }), roleId)).toMatchObject({ ok: false, error: { code: "not_found:role" } });
    expect(await deleteCustomRoleAction(roleId)).toMatchObject({ ok: false, error: { code: "not_found:role" } });
    expect(await duplicateRoleAction(roleId)).toMatchObject({ ok: false, error: { code: "not_found:role" } });
    const form = new FormData();
    form.set("roleId", roleId);
    form.set("climate", "tundra");
    expect(await startChatAction(null, form)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer exists/) } });
    await aliceStillHasEverything();
  });

  it("does not get the first user's brief pre-filled", async () => {
    const fields = (await getRoleForUser(alice.owner, roleId))!.fields;
    expect(await prefilledDetails(alice.owner, { id: roleId, fields })).toMatchObject({ climate: "alpine" });
    expect(await prefilledDetails(mallory.owner, { id: roleId, fields })).not.toMatchObject({ climate: "alpine" });
    expect(await test.db().collection("briefs").countDocuments({ userId: mallory.owner })).toBe(0);
  });
});

describe("a signed-out caller", () => {
  it("gets unauthorized from every action and 401 from the route", async () => {
    signInAs(null);
    expect(await listConversationsAction(null)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(await deleteConversationAction(conversationId)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(await saveCustomRoleAction(customRoleInput())).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect((await POST(replyRequest(conversationId, { mode: "send", text: "hi" }), params(conversationId))).status).toBe(401);
    await aliceStillHasEverything();
  });
});
