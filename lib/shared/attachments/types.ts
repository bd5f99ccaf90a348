/**
 * Attachments as every layer names them: the types a file may be (decided from its bytes on the
 * server, never from its name), the JSON-safe shape a client receives, and the limits the UI
 * names. Browser-safe.
 */
import { z } from "zod";

/** Every type ChatCraft stores. SVG and HTML are absent on purpose: they can carry script. */
export const ATTACHMENT_MIME_TYPES = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "application/pdf",
  "text/plain",
  "text/markdown",
  "text/csv",
] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

export const IMAGE_MIME_TYPES: readonly AttachmentMime[] = ["image/png", "image/jpeg", "image/webp", "image/gif"];
export const TEXT_MIME_TYPES: readonly AttachmentMime[] = ["text/plain", "text/markdown", "text/csv"];

export function isImageMime(mime: string): boolean {
  return (IMAGE_MIME_TYPES as readonly string[]).includes(mime);
}

export function isTextMime(mime: string): boolean {
  return (TEXT_MIME_TYPES as readonly string[]).includes(mime);
}

/** What the file picker offers (the server still decides from the bytes). */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_MIME_TYPES, ".md", ".markdown", ".csv", ".txt"].join(",");

/** For people: "PNG image", "PDF document". */
export const ATTACHMENT_TYPE_LABELS: Record<AttachmentMime, string> = {
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/webp": "WebP image",
  "image/gif": "GIF image",
  "application/pdf": "PDF document",
  "text/plain": "Text file",
  "text/markdown": "Markdown file",
  "text/csv": "CSV file",
};

export const attachmentSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/),
  name: z.string(),
  mime: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  pages: z.number().int().positive().optional(),
  /** Images only: a small stored preview (GET …/thumbnail). */
  hasThumbnail: z.boolean(),
  conversationId: z.string().optional(),
  messageId: z.string().optional(),
  uploadedAt: z.string(),
});
export type AttachmentDTO = z.infer<typeof attachmentSchema>;

/** What a message shows of each file it carries (stored on the message, so no lookup per render). */
export const messageAttachmentSchema = attachmentSchema.pick({ id: true, name: true, mime: true, size: true, width: true, height: true, pages: true, hasThumbnail: true }).meta({ id: "MessageAttachment" });
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** The limits in force (configurable on the server), so the UI can name them. */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxFilesPerMessage: number;
  quotaBytes: number;
}

/** How much a user has stored against the quota. */
export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
}

const UNITS = ["bytes", "KB", "MB", "GB"] as const;

/** "512 bytes", "1.5 MB", "500 MB" (powers of 1024, one decimal below 10). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${UNITS[unit]}`;
}

/** The attachment URLs, one place (the composer, the chat and the API docs use them). */
export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}/content`;
export const thumbnailUrl = (id: string) => `/api/v1/attachments/${id}/thumbnail`;
