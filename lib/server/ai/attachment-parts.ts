/**
 * Attachments as the model sees them. Gemini reads images and PDFs natively: they go as inline
 * data parts (base64) — or, above the inline limit, as file parts naming a Files API upload —
 * text files as text parts. Each is counted in the token budget at Gemini's
 * documented cost — an image up to 384 px on both sides is 258 tokens, a larger one 258 per
 * 768 × 768 tile; a PDF 258 per page — and a file the budget has no room for is sent as a short
 * note instead, which the reply then repeats to the person.
 */
import "server-only";
import { ATTACHMENT_TYPE_LABELS, formatBytes, type AttachmentMime } from "@/lib/shared/attachments/types";

export interface TurnAttachment {
  /** The stored file (hex id), for the context builder to read it. */
  id?: string;
  name: string;
  mime: AttachmentMime;
  size: number;
  width?: number;
  height?: number;
  pages?: number;
  /** Set by the context builder: base64 bytes for an image or PDF, or the text of a text file. */
  data?: string;
  /** Set instead of `data` for a file above the inline limit: its URI in Gemini's Files API. */
  fileUri?: string;
  text?: string;
  /** Left out to fit the budget. */
  omitted?: boolean;
}

/** Gemini's documented token costs (ai.google.dev, "Token counting"). */
export const IMAGE_TILE_TOKENS = 258;
const SMALL_IMAGE_SIDE = 384;
const TILE_SIDE = 768;
export const PDF_PAGE_TOKENS = 258;

export function attachmentTokens(file: { mime: string; size: number; width?: number; height?: number; pages?: number }): number {
  if (file.mime === "application/pdf") return PDF_PAGE_TOKENS * (file.pages ?? 1);
  if (file.mime.startsWith("image/")) {
    const { width = TILE_SIDE, height = TILE_SIDE } = file;
    if (width <= SMALL_IMAGE_SIDE && height <= SMALL_IMAGE_SIDE) return IMAGE_TILE_TOKENS;
    return IMAGE_TILE_TOKENS * Math.ceil(width / TILE_SIDE) * Math.ceil(height / TILE_SIDE);
  }
  // A text file costs what its text costs; bytes are an upper bound before it is read.
  return Math.ceil(file.size / 4);
}

/** "screen.png (PNG image, 1.2 KB, 640 × 480 px)", "cv.pdf (PDF document, 80 KB, 2 pages)". */
export function describeAttachment(file: TurnAttachment): string {
  const parts = [ATTACHMENT_TYPE_LABELS[file.mime] ?? file.mime, formatBytes(file.size)];
  if (file.width && file.height) parts.push(`${file.width} × ${file.height} px`);
  if (file.pages) parts.push(`${file.pages} page${file.pages === 1 ? "" : "s"}`);
  return `${file.name} (${parts.join(", ")})`;
}

export type GeminiPart = { text: string } | { inlineData: { mimeType: string; data: string } } | { fileData: { fileUri: string; mimeType: string } };

/** The parts one attachment becomes in a user turn. */
export function attachmentParts(file: TurnAttachment): GeminiPart[] {
  if (file.omitted) return [{ text: `[The file ${describeAttachment(file)} was attached here but left out to fit the context budget.]` }];
  if (file.text !== undefined) return [{ text: `[File ${describeAttachment(file)}]\n${file.text}` }];
  if (file.data !== undefined) return [{ text: `[File ${describeAttachment(file)}]` }, { inlineData: { mimeType: file.mime, data: file.data } }];
  if (file.fileUri !== undefined) return [{ text: `[File ${describeAttachment(file)}]` }, { fileData: { fileUri: file.fileUri, mimeType: file.mime } }];
  return [{ text: `[File ${describeAttachment(file)}]` }];
}

/** A closing line for the person when files of this turn's context were left out. */
export function omittedNote(files: readonly TurnAttachment[]): string | null {
  const left = files.filter((file) => file.omitted);
  if (left.length === 0) return null;
  return `\n\n_Left out to fit the context budget: ${left.map((file) => file.name).join(", ")}._`;
}
