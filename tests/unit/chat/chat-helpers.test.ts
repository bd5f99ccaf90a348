import { ObjectId } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import { toChatTurns } from "@/lib/server/services/chat/context";
import { describeDetailsChange } from "@/lib/server/services/chat/conversation-service";
import { detailsFromFormData } from "@/lib/shared/roles/form-details";
import { checkMessageText } from "@/lib/server/services/chat/limits";
import { fallbackTitle } from "@/lib/server/ai/chat-model";
import { resetEnvCache } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { decodeConversationCursor, encodeConversationCursor } from "@/models/conversations";
import { nextTimestamp, type MessageDoc } from "@/models/messages";

const fields = [
  { key: "age", label: "Age", type: "number", required: true },
  { key: "goals", label: "Goals", type: "multiselect", required: false, options: ["save", "invest", "retire"] },
  { key: "country", label: "Country", type: "text", required: false },
] as RoleField[];

afterEach(() => {
  delete process.env.CHAT_MAX_MESSAGE_CHARS;
  resetEnvCache();
});

describe("conversation cursors", () => {
  it("round-trip the position and reject anything forged or malformed", () => {
    const doc = { _id: new ObjectId(), lastMessageAt: new Date("2025-03-01T10:00:00.123Z") };
    const decoded = decodeConversationCursor(encodeConversationCursor(doc));
    expect(decoded?.id.equals(doc._id)).toBe(true);
    expect(decoded?.lastMessageAt.toISOString()).toBe("2025-03-01T10:00:00.123Z");
    expect(decodeConversationCursor("")).toBeNull();
    expect(decodeConversationCursor(Buffer.from('{"$gt":1}').toString("base64url"))).toBeNull();
  });
});

describe("message timestamps", () => {
  it("always move forward within a conversation, even when the clock has not", () => {
    const future = new Date(Date.now() + 60_000);
    expect(nextTimestamp(future).getTime()).toBe(future.getTime() + 1);
    expect(nextTimestamp(new Date(0)).getTime()).toBeGreaterThan(0);
  });
});

describe("checkMessageText", () => {
  it("trims, refuses empty text, and names the limit from CHAT_MAX_MESSAGE_CHARS", () => {
    process.env.CHAT_MAX_MESSAGE_CHARS = "10";
    process.env.MONGODB_URI ??= "mongodb://127.0.0.1:1";
    resetEnvCache();
    expect(checkMessageText("  hello  ")).toBe("hello");
    expect(() => checkMessageText("   ")).toThrow(AppError);
    expect(() => checkMessageText("x".repeat(11))).toThrow(/at most 10 characters; this one has 11/);
  });
});

describe("fallbackTitle (a title from the first words)", () => {
  it("keeps the first six words, across a soft line break, cut at a word", () => {
    expect(fallbackTitle("How do I  fix\nmy wifi router at home please")).toBe("How do I fix my wifi");
    expect(fallbackTitle("Short one")).toBe("Short one");
    expect(fallbackTitle("   ")).toBe("New chat");
  });
});

describe("detailsFromFormData", () => {
  it("reads numbers as numbers, repeated entries as a list, and leaves empty fields out", () => {
    const form = new FormData();
    form.set("age", "42");
    form.append("goals", "save");
    form.append("goals", "retire");
    form.set("country", "  ");
    form.set("injected", "ignored");
    const { details, values } = detailsFromFormData(fields, form);
    expect(details).toEqual({ age: 42, goals: ["save", "retire"] });
    expect(values).toEqual({ age: "42", goals: ["save", "retire"], country: "  " });
  });
});

describe("describeDetailsChange", () => {
  it("lists only the fields that changed, with before and after", () => {
    const text = describeDetailsChange(fields, { age: 30, goals: ["save"] }, { age: 31, goals: ["save"], country: "Norway" });
    expect(text).toBe("Details updated — Age: 30 → 31; Country: — → Norway");
  });
});

describe("toChatTurns", () => {
  it("leaves out notices, unfinished and empty failed replies, and maps senders to roles", () => {
    const base = { _id: new ObjectId(), conversationId: new ObjectId(), userId: new ObjectId(), timestamp: new Date(), kind: "message" } as const;
    const docs: MessageDoc[] = [
      { ...base, sender: "user", message: "hi", status: "complete" },
      { ...base, sender: "user", kind: "notice", message: "Details updated", status: "complete" },
      { ...base, sender: "ai", message: "", status: "error" },
      { ...base, sender: "ai", message: "partial", status: "stopped" },
      { ...base, sender: "ai", message: "typing", status: "streaming" },
    ];
    expect(toChatTurns(docs)).toEqual([
      { role: "user", text: "hi" },
      { role: "model", text: "partial" },
    ]);
  });
});
