/**
 * GET /api/v1/search through the real handler, services and text indexes: every word must match
 * (stemmed), phrases and exclusions, snippets mark the matched words, facets narrow, a second user
 * with the same words never sees the first's, deleted messages and conversations vanish at once,
 * and bad queries get a 400 or "no results" — never a 500.
 */
import { ObjectId } from "mongodb";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SearchResult } from "@/lib/shared/search/schemas";
import { deleteMessage, insertMessages } from "@/models/messages";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeConversation, makeProject, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

useAppDatabase();

async function searchAs(user: ApiUser, query: string): Promise<Response> {
  return call("GET", `/api/v1/search?${query}`, { as: { token: user.token } });
}

async function results(user: ApiUser, query: string): Promise<SearchResult> {
  const response = await searchAs(user, query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SearchResult;
}

const hitIds = (result: SearchResult) => result.groups.flatMap((g) => g.hits.map((h) => h.id)).sort();
const marked = (result: SearchResult) => result.groups.flatMap((g) => g.hits.flatMap((h) => h.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())));

let owner: ApiUser;
let other: ApiUser;
let conversationId: string;
const ids: Record<string, string> = {};

async function seed(user: ApiUser, conversation: string, texts: [string, "user" | "ai"][]): Promise<string[]> {
  const docs = await insertMessages(user.owner, new ObjectId(conversation), texts.map(([message, sender]) => ({ sender, message, status: "complete" as const })));
  return docs.map((d) => d._id.toHexString());
}

beforeAll(async () => {
  owner = await makeApiUser("seeker");
  other = await makeApiUser("stranger");
  conversationId = await makeConversation(owner);
  const seeded = await seed(owner, conversationId, [
    ["Should I move my pension into index funds?", "user"],
    ["Investing in index funds keeps costs low for your pension.", "ai"],
    ["An emergency fund comes before investing.", "ai"],
    ["Pension note I will delete later", "user"],
  ]);
  ["pension", "invest", "phrase", "deleted"].forEach((name, i) => (ids[name] = seeded[i]!));
  await seed(other, await makeConversation(other), [["My pension and index funds, a stranger's words", "user"]]);
  await makeProject(owner);
});

describe("GET /api/v1/search", () => {
  it("requires every word, stemmed, and marks the matched words in the snippet", async () => {
    const result = await results(owner, "q=invest+pension");
    expect(hitIds(result)).toEqual([ids.invest]);
    expect(marked(result)).toEqual(expect.arrayContaining(["investing", "pension"]));
    expect(result.groups[0]).toMatchObject({ kind: "conversation", id: conversationId, roleName: "ChatCraft Guide" });
    expect(result.groups[0]!.hits[0]!.href).toBe(`/chat/${conversationId}?m=${ids.invest}#m-${ids.invest}`);
  });

  it("keeps phrases and leaves out excluded words", async () => {
    expect(hitIds(await results(owner, `q=${encodeURIComponent('"emergency fund"')}`))).toEqual([ids.phrase]);
    expect(hitIds(await results(owner, "q=pension+-delete"))).toEqual([ids.invest, ids.pension].sort());
  });

  it("narrows by sender and finds projects and tasks", async () => {
    expect(hitIds(await results(owner, "q=pension&sender=ai"))).toEqual([ids.invest]);
    const project = await results(owner, "q=domain");
    expect(project.groups.map((g) => [g.kind, g.title])).toEqual([["project", "Bakery site"]]);
    expect(project.groups[0]!.hits[0]).toMatchObject({ kind: "task", status: "todo" });
    expect(project.facets.statuses).toEqual([{ value: "todo", label: "todo", count: 1 }]);
  });

  it("shows a second user nothing of the first's, and the first nothing of the second's", async () => {
    const strangers = await results(other, "q=pension");
    expect(strangers.groups).toHaveLength(1);
    expect(JSON.stringify(strangers)).not.toContain(conversationId);
    expect(JSON.stringify(await results(owner, "q=stranger"))).not.toContain("stranger's");
  });

  it("forgets a deleted message and a deleted conversation at once", async () => {
    expect(hitIds(await results(owner, "q=delete"))).toEqual([ids.deleted]);
    await deleteMessage(owner.owner, new ObjectId(conversationId), new ObjectId(ids.deleted));
    expect((await results(owner, "q=delete")).groups).toEqual([]);
    const gone = await makeConversation(owner);
    await seed(owner, gone, [["ephemeral words", "user"]]);
    expect((await results(owner, "q=ephemeral")).groups).toHaveLength(1);
    expect((await call("DELETE", `/api/v1/conversations/${gone}`, { as: { token: owner.token } })).status).toBe(204);
    expect((await results(owner, "q=ephemeral")).groups).toEqual([]);
  });

  it("answers bad queries with a 400 or no results, never a 500", async () => {
    for (const query of ["q=", "q=%20%20", `q=${"a".repeat(10_000)}`, "q[$gt]=", "cursor=abc&q=pension", "project=nope&q=pension", `q=${encodeURIComponent("((()))[]{}^$")}`]) {
      const response = await searchAs(owner, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    for (const q of ['".*pension(', "pension\"", "-pension", "the of and"]) {
      const response = await searchAs(owner, `q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    expect((await results(owner, `q=${encodeURIComponent("-pension")}`)).notice).toMatch(/add a word/i);
    expect(hitIds(await results(owner, `q=${encodeURIComponent('pension"')}`))).toEqual([ids.invest, ids.pension].sort());
  });
});
