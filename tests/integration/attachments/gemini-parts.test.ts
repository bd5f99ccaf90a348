/**
 * Files reaching Gemini through the real @google/genai SDK and the fake Gemini server: images and
 * PDFs as inline data (the very bytes stored in GridFS), text files as text, and — when the budget
 * is tight — an older file left out, named to the model and in the reply.
 */
import { ObjectId } from "mongodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/server/infra/env";
import { readAttachmentBytes } from "@/lib/server/services/attachments/attachment-service";
import { storeAttachment } from "@/lib/server/services/attachments/store-attachment";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";
import { useAppDatabase } from "../../helpers/app-db";
import { useFakeGeminiApp } from "../../helpers/fake-gemini-app";
import { makeUser, postReply, readEvents } from "../chat/fixtures";
import { signInAs } from "../chat/session-mock";
import { pdfBytes, pngBytes, streamOf } from "./samples";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../chat/session-mock")).sessionMock);

useAppDatabase();
const fake = useFakeGeminiApp("attachments-key");

type Part = { text?: string; inlineData?: { mimeType: string; data: string }; fileData?: { fileUri: string; mimeType: string } };

async function chat(): Promise<{ owner: ObjectId; id: string }> {
  const me = await makeUser("gemfiles");
  signInAs(me.user);
  const conversation = await startConversation(me.owner, "chatcraft-guide", { chatcraft_experience: "Regular user" });
  return { owner: me.owner, id: conversation._id.toHexString() };
}

async function send(id: string, text: string, attachmentIds: string[]): Promise<ChatStreamEvent[]> {
  const response = await postReply(id, { mode: "send", text, attachmentIds });
  expect(response.status).toBe(200);
  return readEvents(response);
}

function replyText(events: ChatStreamEvent[]): string {
  return events.flatMap((event) => (event.type === "text" ? [event.text] : [])).join("");
}

function lastUserParts(index = -1): Part[] {
  const contents = (fake.requests.filter((request) => request.kind === "stream").at(index)!.body.contents ?? []) as { role?: string; parts?: Part[] }[];
  return contents.filter((content) => content.role === "user").at(-1)!.parts ?? [];
}

afterEach(() => {
  delete process.env.CHAT_CONTEXT_TOKEN_BUDGET;
  delete process.env.GEMINI_INLINE_MAX_BYTES;
  resetEnvCache();
});

describe("attachments sent to Gemini", () => {
  it("sends an image and a PDF as inline data and a text file as text", async () => {
    const { owner, id } = await chat();
    const conversationId = new ObjectId(id);
    const png = await storeAttachment(owner, { name: "error.png", claimedType: "image/png", content: streamOf(await pngBytes(100, 60)), conversationId });
    const pdf = await storeAttachment(owner, { name: "manual.pdf", claimedType: "application/pdf", content: streamOf(await pdfBytes(2)), conversationId });
    const notes = await storeAttachment(owner, { name: "log.txt", claimedType: "text/plain", content: streamOf(Buffer.from("ERROR 42: disk full")), conversationId });
    fake.script({ chunks: ["I see the error."] });

    const events = await send(id, "What does this mean?", [png, pdf, notes].map((doc) => doc._id.toHexString()));
    expect(replyText(events)).toBe("I see the error.");

    const parts = lastUserParts();
    expect(parts[0]?.text).toBe("What does this mean?");
    const inline = parts.flatMap((part) => (part.inlineData ? [part.inlineData] : []));
    expect(inline.map((part) => part.mimeType)).toEqual(["image/png", "application/pdf"]);
    expect(inline[0]!.data).toBe((await readAttachmentBytes(owner, png._id.toHexString())).toString("base64"));
    expect(inline[1]!.data).toBe((await readAttachmentBytes(owner, pdf._id.toHexString())).toString("base64"));
    expect(parts.some((part) => part.text?.includes("[File error.png (PNG image,") && part.text.includes("100 × 60 px"))).toBe(true);
    expect(parts.some((part) => part.text?.includes("log.txt") && part.text.includes("ERROR 42: disk full"))).toBe(true);
  });

  it("leaves an older file out before older text when the budget is tight, and says so", async () => {
    const { owner, id } = await chat();
    const conversationId = new ObjectId(id);
    // 12 pages is 3,096 tokens at Gemini's 258 a page: more than the budget below leaves.
    const old = await storeAttachment(owner, { name: "old-report.pdf", claimedType: "application/pdf", content: streamOf(await pdfBytes(12)), conversationId });
    fake.script({ chunks: ["Noted."] });
    await send(id, "Here is last year's report.", [old._id.toHexString()]);

    process.env.CHAT_CONTEXT_TOKEN_BUDGET = "2500";
    resetEnvCache();
    const shot = await storeAttachment(owner, { name: "screen.png", claimedType: "image/png", content: streamOf(await pngBytes(40, 40)), conversationId });
    fake.script({ chunks: ["The screenshot shows a dialog."] });
    const events = await send(id, "And this screenshot?", [shot._id.toHexString()]);

    expect(replyText(events)).toBe("The screenshot shows a dialog.\n\n_Left out to fit the context budget: old-report.pdf._");
    const contents = (fake.requests.at(-1)!.body.contents ?? []) as { role?: string; parts?: Part[] }[];
    const all = contents.flatMap((content) => content.parts ?? []);
    // The older text is still there; its file is only named.
    expect(all.some((part) => part.text === "Here is last year's report.")).toBe(true);
    expect(all.some((part) => part.text?.includes("old-report.pdf") && part.text.includes("left out"))).toBe(true);
    expect(all.flatMap((part) => (part.inlineData ? [part.inlineData.mimeType] : []))).toEqual(["image/png"]);
  });

  it("sends a files-only message as the file's parts alone, with no empty text part", async () => {
    const { owner, id } = await chat();
    const png = await storeAttachment(owner, { name: "only.png", claimedType: "image/png", content: streamOf(await pngBytes(30, 20)), conversationId: new ObjectId(id) });
    fake.script({ chunks: ["A red rectangle."] });

    const events = await send(id, "", [png._id.toHexString()]);
    expect(replyText(events)).toBe("A red rectangle.");
    const parts = lastUserParts();
    expect(parts.some((part) => part.text === "")).toBe(false);
    expect(parts[0]?.text).toMatch(/^\[File only\.png \(PNG image,/);
    expect(parts[1]?.inlineData?.mimeType).toBe("image/png");
  });

  it("uploads a file above the inline limit through the Files API once, and references it by URI on every turn", async () => {
    process.env.GEMINI_INLINE_MAX_BYTES = "1000";
    resetEnvCache();
    const { owner, id } = await chat();
    const conversationId = new ObjectId(id);
    const big = await storeAttachment(owner, { name: "statement.pdf", claimedType: "application/pdf", content: streamOf(await pdfBytes(3)), conversationId });
    const small = await storeAttachment(owner, { name: "tiny.txt", claimedType: "text/plain", content: streamOf(Buffer.from("small enough")), conversationId });
    expect(big.length).toBeGreaterThan(1000);
    fake.script([{ chunks: ["Read it."] }, { chunks: ["Still have it."] }]);

    await send(id, "Summarise this statement.", [big._id.toHexString(), small._id.toHexString()]);
    expect(fake.uploads).toHaveLength(1);
    const [upload] = fake.uploads;
    expect(upload!.mimeType).toBe("application/pdf");
    expect(upload!.displayName).toBe("statement.pdf");
    expect(upload!.bytes.equals(await readAttachmentBytes(owner, big._id.toHexString()))).toBe(true);
    const parts = lastUserParts();
    expect(parts.flatMap((part) => (part.fileData ? [part.fileData] : []))).toEqual([{ fileUri: upload!.uri, mimeType: "application/pdf" }]);
    expect(parts.some((part) => part.inlineData)).toBe(false);
    expect(parts.some((part) => part.text?.includes("small enough"))).toBe(true);

    // The next turn names the same upload: nothing is uploaded again.
    await send(id, "And the total?", []);
    expect(fake.uploads).toHaveLength(1);
    const contents = (fake.requests.filter((request) => request.kind === "stream").at(-1)!.body.contents ?? []) as { parts?: Part[] }[];
    expect(contents.flatMap((content) => content.parts ?? []).flatMap((part) => (part.fileData ? [part.fileData.fileUri] : []))).toEqual([upload!.uri]);
  });
});

