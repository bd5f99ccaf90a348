/**
 * Decides a file's type from its first bytes (magic numbers, through `file-type`), never from its
 * name or the client's Content-Type: those only have to agree. Images and PDFs must carry their
 * signature; a file without one can only be text, and only if it was offered as text (its bytes
 * are then checked as UTF-8 while they stream, see text-check.ts). SVG and HTML are refused
 * whatever their bytes: they can carry script.
 */
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/shared/errors";
import { ATTACHMENT_MIME_TYPES, isTextMime, type AttachmentMime } from "@/lib/shared/attachments/types";

/** file-type reads at most this many bytes. */
export const SNIFF_BYTES = 4100;

const SIGNED: readonly string[] = ["image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf"];
const ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "text/x-markdown": "text/markdown", "application/csv": "text/csv" };
const TEXT_EXTENSIONS: Record<string, AttachmentMime> = { txt: "text/plain", text: "text/plain", md: "text/markdown", markdown: "text/markdown", csv: "text/csv" };
/** What browsers send when they do not know (or for an empty type). */
const UNKNOWN_TYPES = new Set(["", "application/octet-stream"]);

function normalise(claimed: string | undefined): string {
  const type = (claimed ?? "").split(";", 1)[0]!.trim().toLowerCase();
  return ALIASES[type] ?? type;
}

function extensionType(name: string): AttachmentMime | undefined {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return ext ? TEXT_EXTENSIONS[ext] : undefined;
}

function unsupported(name: string): AppError {
  return new AppError("unsupported_media_type:attachment", `"${name}" cannot be attached: attach an image (PNG, JPEG, WebP, GIF), a PDF, or a text, Markdown or CSV file.`);
}

function mismatch(name: string, claimed: string): AppError {
  return new AppError("unprocessable:attachment_type", `"${name}" does not contain what its type (${claimed}) says.`);
}

export async function detectType(head: Uint8Array, claimedType: string | undefined, name: string): Promise<AttachmentMime> {
  const claimed = normalise(claimedType);
  const known = UNKNOWN_TYPES.has(claimed) ? undefined : claimed;
  if (known && !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(known)) throw unsupported(name);
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (!SIGNED.includes(detected.mime)) throw unsupported(name);
    if (known && known !== detected.mime) throw mismatch(name, known);
    return detected.mime as AttachmentMime;
  }
  // No signature: an image or PDF without its own is damaged or disguised.
  if (known && SIGNED.includes(known)) throw mismatch(name, known);
  const text = known && isTextMime(known) ? (known as AttachmentMime) : extensionType(name);
  if (!text) throw unsupported(name);
  return text;
}
