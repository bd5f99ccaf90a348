/**
 * Share links through the sharing service and the real database: a snapshot stops where it was
 * taken, Update link re-snapshots under the same token, Revoke and expiry end it, hidden detail
 * values appear nowhere a visitor can read (details, title, replies, notices), and only the owner
 * can create, update, revoke or list a link.
 */
import { ObjectId } from "mongodb";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startConversation, updateConversationDetailsFor } from "@/lib/server/services/chat/conversation-service";
import { createShare, hashShareToken, listShares, openSharedConversation, previewShare, revokeShare, updateShare } from "@/lib/server/services/sharing/share-service";
import { AppError } from "@/lib/shared/errors";
import type { SharedView } from "@/lib/shared/sharing/dto";
import { insertMessage } from "@/models/messages";
import { visitShareLink } from "@/models/share-links";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser, type TestUser } from "../chat/fixtures";

useAppDatabase();

const INCOME = "100k–200k";
const EARLIER_INCOME = "50k–100k";
const DETAILS = { age: 41, income_range: EARLIER_INCOME, goals: ["Retirement"], risk_tolerance: "Medium", time_horizon: "10+ years", country: "Portugal" };

let alice: TestUser;
let mallory: TestUser;
let conversationId: string;
let firstReplyId: string;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

async function say(sender: "user" | "ai", message: string): Promise<string> {
  const doc = await insertMessage(alice.owner, ObjectId.createFromHexString(conversationId), { sender, message, status: "complete" });
  return doc._id.toHexString();
}

function texts(view: SharedView | null): string[] {
  return view?.messages.map((message) => message.message) ?? [];
}

beforeAll(async () => {
  alice = await makeUser("alice");
  mallory = await makeUser("mallory");
  const conversation = await startConversation(alice.owner, "financial-advisor", DETAILS);
  conversationId = conversation._id.toHexString();
  await say("user", "How much should I save each month?");
  firstReplyId = await say("ai", `The details I was given:\n- Age: 41\n- Yearly income (before tax): ${EARLIER_INCOME}\n- Country: Portugal`);
  // A real "Details updated" notice, then a reply that repeats the new value.
  await updateConversationDetailsFor(alice.owner, conversationId, { ...DETAILS, income_range: INCOME });
  await say("user", "And now that I earn more?");
  await say("ai", `With an income of ${INCOME} you could save more.`);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("snapshot", () => {
  it("shows the conversation as it was when shared; later messages are not in it", async () => {
    const link = await createShare(alice.owner, conversationId, {});
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const later = await say("user", "A message written after sharing");
    const view = await openSharedConversation(link.token);
    expect(view?.roleName).toBe("Financial Advisor");
    expect(texts(view)).toHaveLength(4);
    expect(texts(view)).not.toContain("A message written after sharing");
    // The notice (which names detail values) is never part of a share.
    expect(texts(view).some((text) => text.startsWith("Details updated"))).toBe(false);
    expect(view?.messages.map((message) => message.id)).not.toContain(later);
  });

  it("up to a chosen message stops there", async () => {
    const link = await createShare(alice.owner, conversationId, { upToMessageId: firstReplyId });
    const view = await openSharedConversation(link.token);
    expect(view?.messages.map((message) => message.id).at(-1)).toBe(firstReplyId);
    expect(texts(view)).toHaveLength(2);
  });

  it("refuses a message of another conversation as the stopping point", async () => {
    const other = await startConversation(alice.owner, "financial-advisor", DETAILS);
    expect(await codeOf(createShare(alice.owner, other._id.toHexString(), { upToMessageId: firstReplyId }))).toBe("invalid:share");
  });

  it("counts each visit", async () => {
    const link = await createShare(alice.owner, conversationId, {});
    await openSharedConversation(link.token);
    await openSharedConversation(link.token);
    const listed = (await listShares(alice.owner)).find((entry) => entry.id === link.id);
    expect(listed?.views).toBe(2);
  });
});

describe("redaction", () => {
  it("hides every detail by default: not in the details, the title or any message, nor the values a notice recorded", async () => {
    const link = await createShare(alice.owner, conversationId, {});
    const view = await openSharedConversation(link.token);
    const json = JSON.stringify(view);
    expect(view?.details).toEqual([]);
    expect(json).not.toContain(INCOME);
    expect(json).not.toContain(EARLIER_INCOME);
    expect(json).not.toContain("Portugal");
    expect(json).toContain("[hidden]");
    expect(json).not.toContain(alice.user.email);
    expect(json).not.toContain(alice.user.username);
    expect(json).not.toContain(alice.owner.toHexString());
    expect(json).not.toContain(conversationId);
  });

  it("shows only the fields the owner ticked, and their name only when given", async () => {
    const link = await createShare(alice.owner, conversationId, { visibleFields: ["country"], displayName: "Ali" });
    const view = await openSharedConversation(link.token);
    expect(view?.details).toEqual([{ label: "Country", value: "Portugal" }]);
    expect(view?.displayName).toBe("Ali");
    expect(JSON.stringify(view)).not.toContain(INCOME);
    expect(texts(view).join("\n")).toContain("Country: Portugal");
  });

  it("the preview is exactly the visitor's view", async () => {
    const options = { visibleFields: ["age"] };
    const preview = await previewShare(alice.owner, conversationId, options);
    const link = await createShare(alice.owner, conversationId, options);
    const view = await openSharedConversation(link.token);
    expect({ ...view, sharedAt: "" }).toEqual({ ...preview, sharedAt: "" });
  });
});

describe("update, revoke, expiry", () => {
  it("Update link re-snapshots under the same URL and keeps the views", async () => {
    const link = await createShare(alice.owner, conversationId, { upToMessageId: firstReplyId });
    await openSharedConversation(link.token);
    const updated = await updateShare(alice.owner, link.id, { visibleFields: ["age"] });
    expect(updated.token).toBe(link.token);
    expect(updated.views).toBe(1);
    const view = await openSharedConversation(link.token);
    expect(texts(view).length).toBeGreaterThan(2);
    expect(view?.details).toEqual([{ label: "Age", value: "41" }]);
  });

  it("Revoke ends the link at once, and a revoked link cannot be updated", async () => {
    const link = await createShare(alice.owner, conversationId, {});
    expect(await openSharedConversation(link.token)).not.toBeNull();
    await revokeShare(alice.owner, link.id);
    expect(await openSharedConversation(link.token)).toBeNull();
    expect(await codeOf(updateShare(alice.owner, link.id, {}))).toBe("not_found:share");
    expect((await listShares(alice.owner)).find((entry) => entry.id === link.id)?.revokedAt).not.toBeNull();
  });

  it("an expired link is not found; one that never expires stays", async () => {
    const daily = await createShare(alice.owner, conversationId, { expiresIn: "1" });
    const forever = await createShare(alice.owner, conversationId, { expiresIn: "never" });
    expect(daily.expiresAt).not.toBeNull();
    expect(forever.expiresAt).toBeNull();
    const dayAfter = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await visitShareLink(hashShareToken(daily.token), dayAfter)).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(dayAfter);
    expect(await openSharedConversation(daily.token)).toBeNull();
    expect(await openSharedConversation(forever.token)).not.toBeNull();
  });

  it("an unknown or malformed token is not found", async () => {
    expect(await openSharedConversation("A".repeat(32))).toBeNull();
    expect(await openSharedConversation("../../etc/passwd")).toBeNull();
    expect(await openSharedConversation("")).toBeNull();
  });
});

describe("ownership", () => {
  it("another user cannot share, update, revoke or list the owner's links", async () => {
    const link = await createShare(alice.owner, conversationId, {});
    expect(await codeOf(createShare(mallory.owner, conversationId, {}))).toBe("not_found:conversation");
    expect(await codeOf(previewShare(mallory.owner, conversationId, {}))).toBe("not_found:conversation");
    expect(await codeOf(updateShare(mallory.owner, link.id, {}))).toBe("not_found:share");
    expect(await codeOf(revokeShare(mallory.owner, link.id))).toBe("not_found:share");
    expect(await codeOf(revokeShare(mallory.owner, "not-an-id"))).toBe("not_found:share");
    expect(await listShares(mallory.owner)).toEqual([]);
    expect(await openSharedConversation(link.token)).not.toBeNull();
  });

  it("refuses options that are not valid, beside the field", async () => {
    const error = await createShare(alice.owner, conversationId, { expiresIn: "365", displayName: "x".repeat(61) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid:share");
    expect(Object.keys((error as AppError).fields ?? {}).sort()).toEqual(["displayName", "expiresIn"]);
  });
});

describe("continue in my account", () => {
  it("gives the visitor a private copy of the shared messages, with the visitor's own details, not the sharer's", async () => {
    const { continueSharedConversation } = await import("@/lib/server/services/sharing/continue-share");
    const { findConversation } = await import("@/models/conversations");
    const { listMessagesPage } = await import("@/models/messages");
    const bob = await makeUser("bob");
    await startConversation(bob.owner, "financial-advisor", { ...DETAILS, age: 29, country: "Norway", income_range: "Under 25k" });
    const link = await createShare(alice.owner, conversationId, { upToMessageId: firstReplyId });

    const { conversationId: copyId } = await continueSharedConversation(bob.owner, link.token);
    const copy = await findConversation(bob.owner, copyId);
    expect(copy?.roleId).toBe("financial-advisor");
    expect(copy?.details).toMatchObject({ age: 29, country: "Norway", income_range: "Under 25k" });
    const page = await listMessagesPage(bob.owner, copy!._id, { after: null }, 10);
    expect(page.messages.map((message) => message.message)).toEqual(texts(await openSharedConversation(link.token)));
    // The copy is the visitor's alone: the sharer cannot read it, and the sharer's conversation is untouched.
    expect(await findConversation(alice.owner, copyId)).toBeNull();
    expect((await findConversation(alice.owner, conversationId))?.details).toMatchObject({ income_range: INCOME });

    await revokeShare(alice.owner, link.id);
    expect(await codeOf(continueSharedConversation(bob.owner, link.token))).toBe("not_found:share");
    expect(await codeOf(continueSharedConversation(bob.owner, "nope"))).toBe("not_found:share");
  });
});
