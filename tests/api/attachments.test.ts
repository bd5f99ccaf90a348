/**
 * /api/v1/attachments end to end through the route handlers: multipart uploads streamed into
 * GridFS, downloads that cannot run as pages, another user's ids 404, a whole request refused
 * (6th file, stalled sender) leaving nothing, files saved with their message before the model
 * is called, and every deletion path taking the files and chunks with it (checked through the driver).
 */
import { ObjectId } from "mongodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { clearHistory } from "@/lib/server/services/chat/conversation-service";
import { resetEnvCache } from "@/lib/server/infra/env";
import { useAppDatabase } from "../helpers/app-db";
import { failAfter, sharedModel } from "../integration/chat/fixtures";
import { pdfBytes, pngBytes } from "../integration/attachments/samples";
import { call } from "./client";
import { makeApiUser, makeConversation, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

const test = useAppDatabase();

interface Uploaded {
  id: string;
  name: string;
  mime: string;
  size: number;
  width?: number;
  pages?: number;
  hasThumbnail: boolean;
}

function form(files: { name: string; type: string; bytes: Buffer }[]): FormData {
  const data = new FormData();
  for (const file of files) data.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return data;
}

async function upload(user: ApiUser, files: { name: string; type: string; bytes: Buffer }[], conversationId?: string): Promise<Response> {
  const query = conversationId ? `?conversationId=${conversationId}` : "";
  return call("POST", `/api/v1/attachments${query}`, { as: { token: user.token }, upload: form(files) });
}

async function uploadOne(user: ApiUser, file: { name: string; type: string; bytes: Buffer }, conversationId?: string): Promise<Uploaded> {
  const response = await upload(user, [file], conversationId);
  expect(response.status).toBe(201);
  return ((await response.json()) as { attachments: Uploaded[] }).attachments[0]!;
}

/** Files and chunks stored for an owner, read through the driver. */
async function storedFor(owner: ObjectId): Promise<{ files: number; chunks: number }> {
  const db = test.db();
  const ids = (await db.collection("attachments.files").find({ "metadata.userId": owner }).project({ _id: 1 }).toArray()).map((doc) => doc._id);
  return { files: ids.length, chunks: await db.collection("attachments.chunks").countDocuments({ files_id: { $in: ids } }) };
}

afterEach(() => {
  delete process.env.ATTACHMENT_UPLOAD_IDLE_MS;
  resetEnvCache();
});

describe("uploading and downloading", () => {
  it("stores a PNG and a PDF from one multipart body and serves them so they cannot run as pages", async () => {
    const me = await makeApiUser("uploader");
    const pdf = await pdfBytes(2);
    const response = await upload(me, [
      { name: "screen.png", type: "image/png", bytes: await pngBytes(120, 80) },
      { name: "Jahresbericht ü.pdf", type: "application/pdf", bytes: pdf },
    ]);
    expect(response.status).toBe(201);
    const [image, doc] = ((await response.json()) as { attachments: Uploaded[] }).attachments as [Uploaded, Uploaded];
    expect(image).toMatchObject({ name: "screen.png", mime: "image/png", width: 120, hasThumbnail: true });
    expect(doc).toMatchObject({ name: "Jahresbericht ü.pdf", mime: "application/pdf", size: pdf.length, pages: 2 });

    const original = await call("GET", `/api/v1/attachments/${doc.id}/content`, { as: { token: me.token } });
    expect(original.headers.get("content-type")).toBe("application/pdf");
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    expect(original.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(original.headers.get("content-disposition")).toMatch(/^attachment; filename="Jahresbericht _\.pdf"; filename\*=UTF-8''Jahresbericht%20%C3%BC\.pdf$/);
    expect(Buffer.from(await original.arrayBuffer()).equals(pdf)).toBe(true);

    const shown = await call("GET", `/api/v1/attachments/${image.id}/content`, { as: { token: me.token } });
    expect(shown.headers.get("content-disposition")).toMatch(/^inline/);
    const thumbnail = await call("GET", `/api/v1/attachments/${image.id}/thumbnail`, { as: { token: me.token } });
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    expect((await call("GET", `/api/v1/attachments/${doc.id}/thumbnail`, { as: { token: me.token } })).status).toBe(404);

    const list = await call("GET", "/api/v1/attachments", { as: { token: me.token } });
    const listed = (await list.json()) as { items: Uploaded[]; usage: { usedBytes: number } };
    expect(listed.items.map((item) => item.id).sort()).toEqual([image.id, doc.id].sort());
    expect(listed.usage.usedBytes).toBeGreaterThan(pdf.length);
  });

  it("serves HTML offered as text as a text/plain download, never as a page", async () => {
    const me = await makeApiUser("texter");
    const file = await uploadOne(me, { name: "page.txt", type: "text/plain", bytes: Buffer.from("<html><script>alert(1)</script></html>") });
    const response = await call("GET", `/api/v1/attachments/${file.id}/content`, { as: { token: me.token } });
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
  });

  it("answers another user's attachment id with 404 everywhere", async () => {
    const owner = await makeApiUser("owner");
    const other = await makeApiUser("other");
    const file = await uploadOne(owner, { name: "a.png", type: "image/png", bytes: await pngBytes() });
    for (const [method, path] of [["GET", ""], ["GET", "/content"], ["GET", "/thumbnail"], ["DELETE", ""]] as const) {
      const response = await call(method, `/api/v1/attachments/${file.id}${path}`, { as: { token: other.token } });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const conversationId = await makeConversation(other);
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: other.token }, body: { text: "Look", attachmentIds: [file.id], stream: false } });
    expect(sent.status).toBe(404);
    expect((await storedFor(owner.owner)).files).toBe(2);
  });

  it("refuses a 6th file, keeping none of the five", async () => {
    const me = await makeApiUser("many");
    const png = await pngBytes();
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.png`, type: "image/png", bytes: png }));
    const response = await upload(me, files);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("invalid:attachment_count");
    expect(await storedFor(me.owner)).toEqual({ files: 0, chunks: 0 });
  });

  it("stops a multipart upload that goes quiet, keeping nothing", async () => {
    process.env.ATTACHMENT_UPLOAD_IDLE_MS = "300";
    resetEnvCache();
    const me = await makeApiUser("loris");
    const boundary = "----slowloris";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.txt"\r\nContent-Type: text/plain\r\n\r\n${"a".repeat(100_000)}`);
    // Sends the start of a file, then nothing, and never ends.
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new Uint8Array(head)) });
    const response = await call("POST", "/api/v1/attachments", { as: { token: me.token }, upload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("invalid:attachment_stalled");
    expect(await storedFor(me.owner)).toEqual({ files: 0, chunks: 0 });
  });

  it("answers a body that is not multipart with 415", async () => {
    const me = await makeApiUser("json");
    const response = await call("POST", "/api/v1/attachments", { as: { token: me.token }, body: { file: "x" } });
    expect(response.status).toBe(415);
  });
});

describe("files sent with a message", () => {
  it("are saved with the user's message before the model is called, and stay when it fails", async () => {
    const me = await makeApiUser("sender");
    const conversationId = await makeConversation(me);
    const file = await uploadOne(me, { name: "error.png", type: "image/png", bytes: await pngBytes(50, 40) }, conversationId);
    sharedModel.next.push(failAfter([], new Error("model down")));
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body: { text: "What is this error?", attachmentIds: [file.id], stream: false } });
    expect(sent.status).toBe(200);
    const result = (await sent.json()) as { user: { id: string; attachments?: Uploaded[] }; reply: { status: string } };
    expect(result.reply.status).toBe("error");
    expect(result.user.attachments).toEqual([{ id: file.id, name: "error.png", mime: "image/png", size: file.size, width: 50, height: 40, hasThumbnail: true }]);

    const page = await call("GET", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token } });
    const messages = ((await page.json()) as { items: { id: string; attachments?: Uploaded[] }[] }).items;
    expect(messages.find((message) => message.id === result.user.id)?.attachments?.[0]?.id).toBe(file.id);
    const stored = await test.db().collection("attachments.files").find({ "metadata.userId": me.owner }).toArray();
    expect(stored.map((doc) => doc.metadata.messageId?.toHexString())).toEqual([result.user.id, result.user.id]);

    // Sent once: a second message cannot carry it, nor can it be removed as unsent.
    const again = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body: { text: "Again", attachmentIds: [file.id], stream: false } });
    expect(again.status).toBe(409);
    expect((await call("DELETE", `/api/v1/attachments/${file.id}`, { as: { token: me.token } })).status).toBe(409);
  });

  it("may be sent with no text (a files-only message); no text and no files is refused in words", async () => {
    const me = await makeApiUser("filesonly");
    const conversationId = await makeConversation(me);
    const file = await uploadOne(me, { name: "only.png", type: "image/png", bytes: await pngBytes(30, 20) }, conversationId);
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body: { attachmentIds: [file.id], stream: false } });
    expect(sent.status).toBe(200);
    const result = (await sent.json()) as { user: { message: string; attachments?: Uploaded[] }; reply: { status: string } };
    expect(result.user.message).toBe("");
    expect(result.user.attachments?.map((attachment) => attachment.id)).toEqual([file.id]);
    expect(sharedModel.calls.at(-1)?.messages.at(-1)).toMatchObject({ role: "user", text: "", attachments: [{ name: "only.png" }] });

    for (const body of [{ text: "   ", stream: false }, { stream: false }, { text: "", attachmentIds: [], stream: false }]) {
      const refused = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      const problem = (await refused.json()) as { errors?: Record<string, string[]> };
      expect(problem.errors?.text).toEqual(["Type a message or attach a file."]);
    }
  });

  it("refuses more ids than a message may carry", async () => {
    const me = await makeApiUser("toomany");
    const conversationId = await makeConversation(me);
    const ids = Array.from({ length: 6 }, () => new ObjectId().toHexString());
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: me.token }, body: { text: "Six", attachmentIds: ids, stream: false } });
    expect(sent.status).toBe(400);
  });
});

describe("deleting takes the files with it", () => {
  it("removes an unsent file", async () => {
    const me = await makeApiUser("remover");
    const file = await uploadOne(me, { name: "a.png", type: "image/png", bytes: await pngBytes() });
    expect((await call("DELETE", `/api/v1/attachments/${file.id}`, { as: { token: me.token } })).status).toBe(204);
    expect(await storedFor(me.owner)).toEqual({ files: 0, chunks: 0 });
  });

  it("on deleting the conversation, on Clear history, and on deleting the account", async () => {
    const me = await makeApiUser("deleter");
    const first = await makeConversation(me);
    const second = await makeConversation(me);
    const png = await pngBytes();
    await uploadOne(me, { name: "a.png", type: "image/png", bytes: png }, first);
    await uploadOne(me, { name: "b.png", type: "image/png", bytes: png }, second);
    const bystander = await makeApiUser("bystander");
    await uploadOne(bystander, { name: "c.png", type: "image/png", bytes: png });

    expect((await call("DELETE", `/api/v1/conversations/${first}`, { as: { token: me.token } })).status).toBe(204);
    expect((await storedFor(me.owner)).files).toBe(2);
    await clearHistory(me.owner);
    expect(await storedFor(me.owner)).toEqual({ files: 0, chunks: 0 });

    await uploadOne(me, { name: "d.pdf", type: "application/pdf", bytes: await pdfBytes(1) });
    await deleteUserData(me.user.id);
    expect(await storedFor(me.owner)).toEqual({ files: 0, chunks: 0 });
    expect((await storedFor(bystander.owner)).files).toBe(2);
  });
});
