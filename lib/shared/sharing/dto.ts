/**
 * Share links, as zod schemas: what the Share dialog sends (options), what a visitor receives
 * (SharedView — the only shape the public page renders, so redaction is decided once, on the
 * server), and what the owner sees in Settings (ShareLink). DTO types are their z.infer.
 * Client-safe (zod only).
 */
import { z } from "zod";
import { MESSAGE_SENDERS } from "@/lib/shared/chat/dto";

/** Offered lifetimes in days; "never" keeps the link until it is revoked. */
export const SHARE_EXPIRIES = ["1", "7", "30", "never"] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

/** What a link shows: a conversation (/s/<token>) or a project's board (/s/board/<token>). */
export const SHARE_KINDS = ["conversation", "board"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** 24 random bytes, base64url: 192 bits, so a link cannot be guessed. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const objectIdString = z.string().regex(/^[0-9a-f]{24}$/, "Choose a message of this conversation.");

export const shareOptionsSchema = z.object({
  /** Share the conversation up to and including this message; absent: the whole conversation. */
  upToMessageId: objectIdString.optional(),
  /** Keys of the role's fields the visitor may see; every other field is hidden (the default). */
  visibleFields: z.array(z.string().min(1).max(64)).max(50, "Too many fields.").default([]),
  /** Shown as "Shared by …" when not blank; nothing else of the owner is ever shown. */
  displayName: z.string().trim().max(60, "A display name can be at most 60 characters.").default(""),
  expiresIn: z.enum(SHARE_EXPIRIES, { error: "Choose when the link expires." }).default("30"),
});
export type ShareOptions = z.infer<typeof shareOptionsSchema>;
export type ShareOptionsInput = z.input<typeof shareOptionsSchema>;

export const sharedMessageSchema = z.object({
  id: z.string(),
  sender: z.enum(MESSAGE_SENDERS),
  message: z.string(),
  timestamp: z.iso.datetime(),
});

/** Exactly what a visitor of /s/<token> sees (and what the dialog previews). */
export const sharedViewSchema = z
  .object({
    title: z.string(),
    roleName: z.string(),
    roleIcon: z.string(),
    /** When the conversation was started. */
    startedAt: z.iso.datetime(),
    /** When the snapshot was taken (creation or the last Update link). */
    sharedAt: z.iso.datetime(),
    displayName: z.string().nullable(),
    details: z.array(z.object({ label: z.string(), value: z.string() })),
    messages: z.array(sharedMessageSchema),
    /** True when earlier messages were left out to keep the snapshot bounded. */
    truncated: z.boolean(),
  })
  .meta({ id: "SharedConversation" });
export type SharedView = z.infer<typeof sharedViewSchema>;

/** A share link as its owner sees it (Settings, the dialog). */
export const shareLinkSchema = z
  .object({
    id: z.string(),
    kind: z.enum(SHARE_KINDS),
    token: z.string(),
    /** For a board: the project's chat (its messages are shared only with includeChat). */
    conversationId: z.string(),
    projectId: z.string().nullable(),
    /** A board link shows the project's chat too. */
    includeChat: z.boolean(),
    /** The conversation's title, or the project's name. */
    title: z.string(),
    upToMessageId: z.string().nullable(),
    visibleFields: z.array(z.string()),
    displayName: z.string(),
    expiresIn: z.enum(SHARE_EXPIRIES),
    messageCount: z.number().int(),
    views: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ShareLink" });
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** What the Share dialog opens with: the fields it can show, the messages it can stop at, the current link. */
export const shareDialogDataSchema = z.object({
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
  messages: z.array(z.object({ id: z.string(), sender: z.enum(MESSAGE_SENDERS), excerpt: z.string() })),
  link: shareLinkSchema.nullable(),
});
export type ShareDialogData = z.infer<typeof shareDialogDataSchema>;

/** The path a visitor opens. */
export function sharePath(token: string, kind: ShareKind = "conversation"): string {
  return kind === "board" ? `/s/board/${token}` : `/s/${token}`;
}
