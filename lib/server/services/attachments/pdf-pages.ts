/**
 * A PDF's page count, for the file chip and the token estimate (Gemini counts per page). pdf-lib
 * parses the whole document, so the stored file is read back whole (at most the file limit);
 * this is the one place an attachment is held in memory. A PDF pdf-lib cannot parse is refused.
 */
import "server-only";
import { PDFDocument } from "pdf-lib";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/shared/errors";

export async function countPdfPages(stored: Readable, name: string): Promise<number> {
  const parts: Buffer[] = [];
  for await (const chunk of stored) parts.push(chunk as Buffer);
  try {
    const pdf = await PDFDocument.load(Buffer.concat(parts), { ignoreEncryption: true, updateMetadata: false });
    const pages = pdf.getPageCount();
    if (pages < 1) throw new Error("no pages");
    return pages;
  } catch (error) {
    throw new AppError("unprocessable:attachment_corrupt", `"${name}" is not a readable PDF.`, { cause: error });
  }
}
