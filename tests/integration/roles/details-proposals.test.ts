/**
 * Details cards end to end below the browser: the reply route → services → the real
 * @google/genai SDK → the fake Gemini server, the real driver underneath, then Apply / Dismiss as
 * the signed-in user and as another user. Valid proposals, invalid arguments, an unknown field and
 * a cut stream; two racing Applies write once.
 */
import { describe, expect, it, vi } from "vitest";
import { applyDetailsUpdateAction, dismissProposalAction } from "@/app/(app)/chat/actions";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import { getBrief } from "@/lib/server/services/roles/brief-service";
import type { ChatStreamEvent, MessageDTO } from "@/lib/shared/chat/types";
import { findBrief } from "@/models/briefs";
import { findConversation } from "@/models/conversations";
import { useAppDatabase } from "../../helpers/app-db";
import { useFakeGeminiApp } from "../../helpers/fake-gemini-app";
import { makeUser, postReply, readEvents, type TestUser } from "../chat/fixtures";
import { signInAs } from "../chat/session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../chat/session-mock")).sessionMock);

// One write of the conversation's details can be made to fail, to prove Apply is all or nothing.
const failing = vi.hoisted(() => ({ nextConversationWrite: false }));
vi.mock("@/models/conversations", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/models/conversations")>();
  return {
    ...actual,
    updateConversationDetails: (...args: Parameters<typeof actual.updateConversationDetails>) => {
      if (!failing.nextConversationWrite) return actual.updateConversationDetails(...args);
      failing.nextConversationWrite = false;
      return Promise.reject(new Error("conversation write failed"));
    },
  };
});

useAppDatabase();
const fake = useFakeGeminiApp("details-key");

const ADVISOR = { age: 40, income_range: "50k–100k", goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Germany" };

async function advisorChat(me: TestUser): Promise<string> {
  signInAs(me.user);
  const conversation = await startConversation(me.owner, "financial-advisor", ADVISOR);
  return conversation._id.toHexString();
}

async function send(id: string, text: string): Promise<ChatStreamEvent[]> {
  const response = await postReply(id, { mode: "send", text });
  expect(response.status).toBe(200);
  return readEvents(response);
}

function done(events: ChatStreamEvent[]): MessageDTO | undefined {
  return events.find((event): event is Extract<ChatStreamEvent, { type: "done" }> => event.type === "done")?.message;
}

function failure(events: ChatStreamEvent[]) {
  return events.find((event): event is Extract<ChatStreamEvent, { type: "error" }> => event.type === "error");
}

type Declared = { name: string; parametersJsonSchema: { anyOf: { properties: { field: { enum: string[] }; value: Record<string, unknown> } }[] } };

describe("propose_details_update through the real SDK", () => {
  it("declares the tool from the conversation's fields and shows a valid proposal as a card: old → new and the sentence", async () => {
    const me = await makeUser();
    const id = await advisorChat(me);
    fake.script({ chunks: ["Happy birthday!"], functionCall: { name: "propose_details_update", args: { field: "age", value: 41, sentence: "I turned 41 last week." } } });
    const reply = done(await send(id, "I turned 41 last week. Should I change my plan?"));
    expect(reply?.proposal).toEqual({ kind: "details", field: "age", label: "Age", from: 40, to: 41, sentence: "I turned 41 last week.", state: "proposed" });

    // The reply's request (the title request after it has no tools).
    const body = fake.requests.map((request) => request.body as { tools?: { functionDeclarations: Declared[] }[] }).find((sent) => sent.tools)!;
    const declared = body.tools![0]!.functionDeclarations.find((declaration) => declaration.name === "propose_details_update")!;
    const age = declared.parametersJsonSchema.anyOf.find((branch) => branch.properties.field.enum[0] === "age")!;
    expect(age.properties.value).toMatchObject({ type: "integer", minimum: 18, maximum: 100 });
    // Nothing changes before Apply.
    expect((await findBrief(me.owner, "financial-advisor"))?.details.age).toBe(40);
  });

  it("refuses invalid arguments and an unknown field, telling the user why, and stores no card", async () => {
    const me = await makeUser();
    const id = await advisorChat(me);
    fake.script({ chunks: ["Noted."], functionCall: { name: "propose_details_update", args: { field: "age", value: 400, sentence: "I am 400 now" } } });
    const invalid = failure(await send(id, "I am 400 now"));
    expect(invalid).toMatchObject({ code: "invalid_details_update", message: "I couldn't use that update to your details: Age must be at most 100." });
    expect(invalid?.reply?.proposal).toBeUndefined();

    fake.script({ functionCall: { name: "propose_details_update", args: { field: "salary", value: "1M", sentence: "I earn 1M" } } });
    expect(failure(await send(id, "I earn 1M"))?.message).toBe("I couldn't use that update to your details: this role has no detail called “salary”.");

    fake.script({ functionCall: { name: "propose_details_update", args: { field: "country", value: "x".repeat(50_000), sentence: "I moved" } } });
    expect(failure(await send(id, "I moved"))?.message).toContain("Country must be at most 80 characters");
    expect((await findBrief(me.owner, "financial-advisor"))?.details).toEqual(ADVISOR);
  });

  it("never offers a card from a stream cut after the call", async () => {
    const me = await makeUser();
    const id = await advisorChat(me);
    fake.script({ chunks: ["Noted. "], functionCall: { name: "propose_details_update", args: { field: "age", value: 41, sentence: "I'm 41 now" } }, cutAfterChunks: 2, delayMs: 20 });
    const events = await send(id, "I'm 41 now");
    expect(failure(events)?.code).toBe("invalid_details_update");
    expect(done(events)).toBeUndefined();
  });
});

describe("Apply and Dismiss", () => {
  async function proposed(me: TestUser, args = { field: "age", value: 41, sentence: "I'm 41 now" }): Promise<{ id: string; reply: MessageDTO }> {
    const id = await advisorChat(me);
    fake.script({ chunks: ["Noted."], functionCall: { name: "propose_details_update", args } });
    const reply = done(await send(id, args.sentence))!;
    expect(reply.proposal?.state).toBe("proposed");
    return { id, reply };
  }

  it("writes the brief, its history and the chat's details; the next form is pre-filled with the new value", async () => {
    const me = await makeUser();
    const { id, reply } = await proposed(me);
    const applied = await applyDetailsUpdateAction(reply.id, []);
    expect(applied).toEqual({ ok: true, data: { details: { ...ADVISOR, age: 41 }, updatedRoles: ["financial-advisor"] } });
    expect((await findConversation(me.owner, id))?.details.age).toBe(41);
    expect((await getBrief(me.owner, "financial-advisor")).details.age).toBe(41);
    const history = (await findBrief(me.owner, "financial-advisor"))?.history ?? [];
    expect(history.map(({ key, value, previous, source }) => ({ key, value, previous, source }))).toEqual([{ key: "age", value: 41, previous: 40, source: "chat" }]);
    expect(history[0]?.messageId?.toHexString()).toBe(reply.id);
    // Used once.
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: false, error: { code: "conflict:proposal" } });
  });

  it("undoes the brief and gives the card back when the chat's details cannot be written", async () => {
    const me = await makeUser();
    const { id, reply } = await proposed(me);
    failing.nextConversationWrite = true;
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: false, error: { code: "internal" } });
    const brief = await findBrief(me.owner, "financial-advisor");
    expect(brief?.details.age).toBe(40);
    expect(brief?.history ?? []).toEqual([]);
    expect((await findConversation(me.owner, id))?.details.age).toBe(40);
    // Released: the card can be applied again, and then it works.
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: true });
    expect((await findBrief(me.owner, "financial-advisor"))?.details.age).toBe(41);
  });

  it("lets exactly one of two racing Applies write", async () => {
    const me = await makeUser();
    const { reply } = await proposed(me);
    const results = await Promise.all([applyDetailsUpdateAction(reply.id, []), applyDetailsUpdateAction(reply.id, [])]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: "conflict:proposal" } });
    expect((await findBrief(me.owner, "financial-advisor"))?.history).toHaveLength(1);
  });

  it("dismisses without changing anything, and refuses another user's card as not found", async () => {
    const me = await makeUser();
    const { reply } = await proposed(me);
    const other = await makeUser("other");
    signInAs(other.user);
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    expect(await dismissProposalAction(reply.id)).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    signInAs(me.user);
    expect(await dismissProposalAction(reply.id)).toEqual({ ok: true, data: null });
    expect((await findBrief(me.owner, "financial-advisor"))?.details.age).toBe(40);
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: false, error: { code: "conflict:proposal" } });
  });

  it("offers the other roles sharing the key, and updates them only when ticked", async () => {
    const me = await makeUser();
    signInAs(me.user);
    await startConversation(me.owner, "fitness-coach", { age: 40, experience_level: "Beginner", fitness_goals: ["General health"], equipment: "Full gym" });
    const { reply } = await proposed(me);
    expect(reply.proposal).toMatchObject({ sharedRoles: [{ roleId: "fitness-coach", roleName: "Fitness Coach" }] });
    expect(await applyDetailsUpdateAction(reply.id, ["tech-support"])).toMatchObject({ ok: false, error: { code: "invalid:details" } });
    expect((await findBrief(me.owner, "financial-advisor"))?.details.age).toBe(40);
    expect(await applyDetailsUpdateAction(reply.id, ["fitness-coach"])).toMatchObject({ ok: true, data: { updatedRoles: ["financial-advisor", "fitness-coach"] } });
    expect((await findBrief(me.owner, "fitness-coach"))?.details.age).toBe(41);
  });

  it("leaves other roles' briefs alone unless ticked", async () => {
    const me = await makeUser();
    signInAs(me.user);
    await startConversation(me.owner, "fitness-coach", { age: 40, experience_level: "Beginner", fitness_goals: ["General health"], equipment: "Full gym" });
    const { reply } = await proposed(me);
    expect(await applyDetailsUpdateAction(reply.id, [])).toMatchObject({ ok: true });
    expect((await findBrief(me.owner, "fitness-coach"))?.details.age).toBe(40);
  });
});
