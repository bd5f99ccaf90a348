/**
 * Attachments through the driver: the GridFS round trip, type decided by bytes, EXIF stripped,
 * thumbnails stored, the quota, and hostile files — each refused with its own code and leaving
 * nothing behind in attachments.files or attachments.chunks.
 */
import { ObjectId } from "mongodb";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/server/infra/env";
import { openAttachment, requireAttachment, storageUsage, toAttachmentDTO } from "@/lib/server/services/attachments/attachment-service";
import { storeAttachment } from "@/lib/server/services/attachments/store-attachment";
import { AppError } from "@/lib/shared/errors";
import { useAppDatabase } from "../../helpers/app-db";
import { jpegWithGps, pdfBytes, pngBomb, pngBytes, stalledStream, streamOf, textOfSize } from "./samples";

const test = useAppDatabase();
const MB = 1024 * 1024;

async function stored(owner: ObjectId): Promise<{ files: number; chunks: number }> {
  const db = test.db();
  return {
    files: await db.collection("attachments.files").countDocuments({ "metadata.userId": owner }),
    chunks: await db.collection("attachments.chunks").countDocuments({}),
  };
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every hostile upload must leave the database as it found it. */
async function expectRefusedCleanly(owner: ObjectId, upload: () => Promise<unknown>, code: string): Promise<AppError> {
  const before = await stored(owner);
  const error = await refusal(upload());
  expect(error.code).toBe(code);
  expect(await stored(owner)).toEqual(before);
  return error;
}

beforeAll(() => {
  resetEnvCache();
});

afterEach(() => {
  delete process.env.ATTACHMENT_QUOTA_BYTES;
  delete process.env.ATTACHMENT_UPLOAD_IDLE_MS;
  resetEnvCache();
});

describe("storing attachments in GridFS", () => {
  it("round-trips a PDF byte for byte, with its page count, owner and chunks", async () => {
    const owner = new ObjectId();
    const pdf = await pdfBytes(3);
    const doc = await storeAttachment(owner, { name: "statement.pdf", claimedType: "application/pdf", content: streamOf(pdf) });
    expect(toAttachmentDTO(doc)).toMatchObject({ name: "statement.pdf", mime: "application/pdf", size: pdf.length, pages: 3, hasThumbnail: false });
    const download = await openAttachment(owner, doc._id.toHexString(), "original");
    expect((await readAll(download.stream)).equals(pdf)).toBe(true);
    const raw = await test.db().collection("attachments.files").findOne({ _id: doc._id });
    expect(raw?.metadata.userId).toEqual(owner);
    expect(await test.db().collection("attachments.chunks").countDocuments({ files_id: doc._id })).toBeGreaterThan(0);
  });

  it("re-encodes a photo without its EXIF location and stores a thumbnail once", async () => {
    const owner = new ObjectId();
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const doc = await storeAttachment(owner, { name: "IMG_0001.jpg", claimedType: "image/jpeg", content: streamOf(photo) });
    expect(toAttachmentDTO(doc)).toMatchObject({ mime: "image/jpeg", width: 40, height: 30, hasThumbnail: true });
    const original = await readAll((await openAttachment(owner, doc._id.toHexString(), "original")).stream);
    const meta = await sharp(original).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(40);
    const thumbnail = await openAttachment(owner, doc._id.toHexString(), "thumbnail");
    expect(thumbnail.mime).toBe("image/webp");
    expect((await sharp(await readAll(thumbnail.stream)).metadata()).format).toBe("webp");
    // The original and its thumbnail: two files, both the owner's.
    expect((await stored(owner)).files).toBe(2);
  });

  it("accepts Markdown offered as text and CSV by its extension", async () => {
    const owner = new ObjectId();
    const md = await storeAttachment(owner, { name: "notes.md", claimedType: "text/markdown", content: streamOf(Buffer.from("# Notes\nhello")) });
    const csv = await storeAttachment(owner, { name: "figures.csv", claimedType: "application/octet-stream", content: streamOf(Buffer.from("a,b\n1,2\n")) });
    expect([md.metadata.mime, csv.metadata.mime]).toEqual(["text/markdown", "text/csv"]);
  });

  it("is another user's 404", async () => {
    const owner = new ObjectId();
    const doc = await storeAttachment(owner, { name: "a.png", content: streamOf(await pngBytes()) });
    const error = await refusal(requireAttachment(new ObjectId(), doc._id.toHexString()));
    expect(error.code).toBe("not_found:attachment");
    expect((await refusal(openAttachment(new ObjectId(), doc._id.toHexString(), "thumbnail"))).code).toBe("not_found:attachment");
  });
});

describe("hostile and oversized files", () => {
  it("refuses a 10.1 MB file while it streams", async () => {
    const owner = new ObjectId();
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "big.txt", claimedType: "text/plain", content: streamOf(textOfSize(Math.round(10.1 * MB))) }), "payload_too_large:attachment");
  });

  it("accepts exactly 10 MB", async () => {
    const owner = new ObjectId();
    const doc = await storeAttachment(owner, { name: "ten.txt", claimedType: "text/plain", content: streamOf(textOfSize(10 * MB)) });
    expect(doc.length).toBe(10 * MB);
  });

  it("refuses a zero-byte file", async () => {
    const owner = new ObjectId();
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "empty.png", claimedType: "image/png", content: streamOf(Buffer.alloc(0)) }), "invalid:attachment_empty");
  });

  it("refuses a truncated PNG", async () => {
    const owner = new ObjectId();
    const png = await pngBytes(300, 200);
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "cut.png", claimedType: "image/png", content: streamOf(png.subarray(0, Math.floor(png.length / 2))) }), "unprocessable:attachment_corrupt");
  });

  it("refuses a PDF with a wrong header", async () => {
    const owner = new ObjectId();
    const pdf = await pdfBytes(1);
    pdf.write("%PFD", 0);
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "statement.pdf", claimedType: "application/pdf", content: streamOf(pdf) }), "unprocessable:attachment_type");
  });

  it("refuses a decompression bomb before decoding it", async () => {
    const owner = new ObjectId();
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2048);
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "bomb.png", claimedType: "image/png", content: streamOf(bomb) }), "unprocessable:attachment_pixels");
  });

  it("refuses SVG and HTML whatever they are called", async () => {
    const owner = new ObjectId();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "logo.svg", claimedType: "image/svg+xml", content: streamOf(svg) }), "unsupported_media_type:attachment");
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "page.html", claimedType: "text/html", content: streamOf(Buffer.from("<html><script>1</script></html>")) }), "unsupported_media_type:attachment");
    // Named .png, but no PNG signature: never stored as an image.
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "logo.png", claimedType: "image/png", content: streamOf(svg) }), "unprocessable:attachment_type");
  });

  it("refuses bytes that contradict the claimed type, and binary offered as text", async () => {
    const owner = new ObjectId();
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "photo.jpg", claimedType: "image/jpeg", content: streamOf(await pngBytes()) }), "unprocessable:attachment_type");
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "data.txt", claimedType: "text/plain", content: streamOf(Buffer.from([0x61, 0x00, 0xff, 0xfe])) }), "unprocessable:attachment_type");
  });

  it("stops an upload that goes quiet (slow loris)", async () => {
    process.env.ATTACHMENT_UPLOAD_IDLE_MS = "300";
    resetEnvCache();
    const owner = new ObjectId();
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "slow.txt", claimedType: "text/plain", content: stalledStream(textOfSize(300_000)) }), "invalid:attachment_stalled");
  });
});

describe("the storage quota", () => {
  it("counts originals and thumbnails, and refuses the file that would pass it", async () => {
    const owner = new ObjectId();
    const first = await storeAttachment(owner, { name: "a.txt", claimedType: "text/plain", content: streamOf(textOfSize(600_000)) });
    expect((await storageUsage(owner)).usedBytes).toBe(first.length);
    process.env.ATTACHMENT_QUOTA_BYTES = "1000000";
    resetEnvCache();
    await expectRefusedCleanly(owner, async () => storeAttachment(owner, { name: "b.txt", claimedType: "text/plain", content: streamOf(textOfSize(500_000)) }), "payload_too_large:attachment_quota");
    expect(await storageUsage(owner)).toEqual({ usedBytes: 600_000, quotaBytes: 1_000_000 });
  });
});
