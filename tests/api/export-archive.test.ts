/**
 * GET /api/v1/me/export/archive through the route handler: the zip opens (read with yauzl), holds
 * export.json — whose attachment references name each file's place in the archive — and every
 * file the caller stored, byte for byte, and nothing of another user's. The JSON export lists the
 * same references.
 */
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { useAppDatabase } from "../helpers/app-db";
import { pdfBytes, pngBytes } from "../integration/attachments/samples";
import { call } from "./client";
import { makeApiUser, makeConversation, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

useAppDatabase();

interface Reference {
  id: string;
  name: string;
  mime: string;
  size: number;
  download: string;
  archivePath: string;
}

async function upload(user: ApiUser, name: string, type: string, bytes: Buffer, conversationId?: string): Promise<Reference> {
  const data = new FormData();
  data.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await call("POST", `/api/v1/attachments${conversationId ? `?conversationId=${conversationId}` : ""}`, { as: { token: user.token }, upload: data });
  expect(response.status).toBe(201);
  return ((await response.json()) as { attachments: Reference[] }).attachments[0]!;
}

/** Every entry of a zip, by name (the test holds the archive; the server never does). */
async function unzip(archive: Buffer): Promise<Map<string, Buffer>> {
  const zip = (await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(archive, { lazyEntries: true })) as ZipFile;
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const parts: Buffer[] = [];
        stream.on("data", (part: Buffer) => parts.push(part));
        stream.on("error", reject);
        stream.on("end", () => {
          entries.set(entry.fileName, Buffer.concat(parts));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

describe("the export archive", () => {
  it("is a zip with export.json and every stored file, and none of another user's", async () => {
    const me = await makeApiUser("archiver");
    const other = await makeApiUser("bystander");
    const conversationId = await makeConversation(me);
    const png = await pngBytes(90, 60);
    const pdf = await pdfBytes(2);
    const image = await upload(me, "screen.png", "image/png", png, conversationId);
    const doc = await upload(me, "statement.pdf", "application/pdf", pdf);
    await upload(other, "theirs.png", "image/png", png);

    const response = await call("GET", "/api/v1/me/export/archive", { as: { token: me.token } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chatcraft-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));

    const exported = JSON.parse(entries.get("export.json")!.toString("utf8")) as { attachments: Reference[]; counts: Record<string, number>; conversations: unknown[] };
    expect(exported.counts.attachments).toBe(2);
    expect(exported.conversations).toHaveLength(1);
    const byId = new Map(exported.attachments.map((reference) => [reference.id, reference]));
    expect(byId.get(image.id)).toMatchObject({ name: "screen.png", mime: "image/png", download: `/api/v1/attachments/${image.id}/content`, archivePath: `attachments/${image.id}-screen.png` });
    expect(byId.get(doc.id)).toMatchObject({ name: "statement.pdf", size: pdf.length, archivePath: `attachments/${doc.id}-statement.pdf` });

    expect([...entries.keys()].sort()).toEqual(["export.json", `attachments/${doc.id}-statement.pdf`, `attachments/${image.id}-screen.png`].sort());
    expect(entries.get(`attachments/${doc.id}-statement.pdf`)!.equals(pdf)).toBe(true);
    // The image is stored re-encoded (no metadata): the archive holds exactly what a download serves.
    const served = await call("GET", `/api/v1/attachments/${image.id}/content`, { as: { token: me.token } });
    expect(entries.get(`attachments/${image.id}-screen.png`)!.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
  });

  it("lists the files as references in the JSON export too", async () => {
    const me = await makeApiUser("lister");
    const file = await upload(me, "notes.txt", "text/plain", Buffer.from("hello"));
    const response = await call("GET", "/api/v1/me/export", { as: { token: me.token } });
    const body = (await response.json()) as { attachments: Reference[] };
    expect(body.attachments).toEqual([expect.objectContaining({ id: file.id, name: "notes.txt", size: 5, archivePath: `attachments/${file.id}-notes.txt` })]);
  });

  it("answers 401 without credentials", async () => {
    expect((await call("GET", "/api/v1/me/export/archive", { as: null })).status).toBe(401);
  });
});
