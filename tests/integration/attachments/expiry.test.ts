/**
 * Uploads never sent expire (lib/server/services/attachments/expiry.ts), checked through the
 * driver: an unsent image goes with its thumbnail and every chunk, a sent file stays whatever its
 * age, a file sent between the sweep's listing and its delete stays, and a send refuses a file
 * about to expire.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { checkAttachmentsForMessage, linkAttachments } from "@/lib/server/services/attachments/attachment-service";
import { sweepExpiredUploads, unsentExpiryMs } from "@/lib/server/services/attachments/expiry";
import { storeAttachment } from "@/lib/server/services/attachments/store-attachment";
import { AppError } from "@/lib/shared/errors";
import { deleteExpiredUpload, listExpiredUploads } from "@/models/attachments";
import { useAppDatabase } from "../../helpers/app-db";
import { pdfBytes, pngBytes, streamOf } from "./samples";

const test = useAppDatabase();

/** Files and chunks of an owner's, through the driver. */
async function storedFor(owner: ObjectId): Promise<{ files: string[]; chunks: number }> {
  const db = test.db();
  const docs = await db.collection("attachments.files").find({ "metadata.userId": owner }).project({ _id: 1, filename: 1 }).toArray();
  const chunks = await db.collection("attachments.chunks").countDocuments({ files_id: { $in: docs.map((doc) => doc._id) } });
  return { files: docs.map((doc) => String(doc.filename)).sort(), chunks };
}

function later(ms: number): Date {
  return new Date(Date.now() + ms);
}

describe("uploads never sent", () => {
  it("are deleted with their thumbnail and chunks after the expiry; sent files stay", async () => {
    const owner = new ObjectId();
    const conversationId = new ObjectId();
    const unsent = await storeAttachment(owner, { name: "draft.png", claimedType: "image/png", content: streamOf(await pngBytes(500, 400)), conversationId });
    const sent = await storeAttachment(owner, { name: "sent.pdf", claimedType: "application/pdf", content: streamOf(await pdfBytes(2)), conversationId });
    await linkAttachments(owner, conversationId, new ObjectId(), [sent]);
    expect(unsent.metadata.thumbnailId).toBeDefined();
    expect((await storedFor(owner)).files).toEqual(["draft.png", "sent.pdf", "thumbnail-draft.png"]);

    // Not yet: a minute before the expiry nothing goes.
    expect(await sweepExpiredUploads(later(unsentExpiryMs() - 60_000))).toBe(0);
    expect((await storedFor(owner)).files).toHaveLength(3);

    expect(await sweepExpiredUploads(later(unsentExpiryMs() + 60_000))).toBe(2);
    const left = await storedFor(owner);
    expect(left.files).toEqual(["sent.pdf"]);
    const sentChunks = await test.db().collection("attachments.chunks").countDocuments({ files_id: sent._id });
    expect(sentChunks).toBeGreaterThan(0);
    expect(left.chunks).toBe(sentChunks);
    // Long after, the sent file is still there.
    expect(await sweepExpiredUploads(later(100 * unsentExpiryMs()))).toBe(0);
  });

  it("keeps a file sent between the sweep's listing and its delete", async () => {
    const owner = new ObjectId();
    const conversationId = new ObjectId();
    const file = await storeAttachment(owner, { name: "racing.txt", claimedType: "text/plain", content: streamOf(Buffer.from("just in time")), conversationId });
    const before = later(1000);
    const listed = (await listExpiredUploads(before, 100)).filter((doc) => doc.metadata.userId.equals(owner));
    expect(listed.map((doc) => doc._id.toHexString())).toEqual([file._id.toHexString()]);

    await linkAttachments(owner, conversationId, new ObjectId(), [file]);
    expect(await deleteExpiredUpload(file._id, before)).toBe(false);
    expect(await storedFor(owner)).toEqual({ files: ["racing.txt"], chunks: 1 });
  });

  it("cannot be sent once close to expiry (attach it again)", async () => {
    const owner = new ObjectId();
    const conversationId = new ObjectId();
    const file = await storeAttachment(owner, { name: "old.txt", claimedType: "text/plain", content: streamOf(Buffer.from("old")), conversationId });
    await test.db().collection("attachments.files").updateOne({ _id: file._id }, { $set: { uploadDate: new Date(Date.now() - unsentExpiryMs() + 60_000) } });
    const error = await checkAttachmentsForMessage(owner, conversationId, [file._id.toHexString()]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found:attachment");
    expect((error as AppError).message).toMatch(/old\.txt.*expired; attach it again/);
  });
});
