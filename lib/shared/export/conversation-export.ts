/**
 * One conversation, exported (GET /api/v1/conversations/{id}/export): the `chatcraft-conversation`
 * version 1 JSON document as a zod schema — the one source for its shape, which the OpenAPI
 * document is generated from and the tests parse answers with — plus the query and the download's
 * file name. The owner exports their own data, so the role's details are included. Browser-safe.
 */
import { z } from "zod";
import { CONVERSATION_MODES, messageSchema } from "@/lib/shared/chat/dto";

export const CONVERSATION_EXPORT_FORMAT = "chatcraft-conversation";
export const CONVERSATION_EXPORT_VERSION = 1;
export const CONVERSATION_EXPORT_FORMATS = ["markdown", "json"] as const;
export type ConversationExportFormat = (typeof CONVERSATION_EXPORT_FORMATS)[number];

export const conversationExportQuerySchema = z.object({
  format: z.enum(CONVERSATION_EXPORT_FORMATS, { error: "format must be markdown or json." }).default("markdown"),
});

export const exportedAttachmentSchema = z.object({ name: z.string(), type: z.string(), size: z.number().int().nonnegative() });
export type ExportedAttachment = z.infer<typeof exportedAttachmentSchema>;

/** A message as the chat's Message shape has it, with its files reduced to name, type and size. */
export const exportedMessageSchema = messageSchema
  .pick({ id: true, sender: true, kind: true, message: true, timestamp: true, status: true, model: true })
  .extend({ attachments: z.array(exportedAttachmentSchema).optional() })
  .meta({ id: "ExportedMessage" });
export type ExportedMessage = z.infer<typeof exportedMessageSchema>;

export const exportedConversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  mode: z.enum(CONVERSATION_MODES),
  role: z.object({ id: z.string(), name: z.string() }),
  /** The role's details as the chat shows them (empty fields left out). */
  details: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  projectId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime(),
});
export type ExportedConversation = z.infer<typeof exportedConversationSchema>;

export const conversationExportSchema = z
  .object({
    format: z.literal(CONVERSATION_EXPORT_FORMAT),
    version: z.literal(CONVERSATION_EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    conversation: exportedConversationSchema,
    /** Oldest first, every message the conversation holds (notices and failed replies included). */
    messages: z.array(exportedMessageSchema),
  })
  .meta({ id: "ConversationExport" });
export type ConversationExport = z.infer<typeof conversationExportSchema>;

const MAX_SLUG = 60;

/**
 * "chatcraft-<title>-<day>.<ext>": the title reduced to ASCII letters, digits and dashes, so the
 * name is safe in a Content-Disposition header and on every file system.
 */
export function conversationExportFilename(title: string, day: string, format: ConversationExportFormat): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
  return `chatcraft-${slug || "conversation"}-${day}.${format === "json" ? "json" : "md"}`;
}

/** The download link the chat page's Export menu uses (the API route, with the session cookie). */
export function conversationExportPath(conversationId: string, format: ConversationExportFormat): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/export?format=${format}`;
}
