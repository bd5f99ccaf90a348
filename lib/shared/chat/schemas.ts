/**
 * Chat input schemas shared by the composer (client feedback) and the server (truth). The
 * length limit itself comes from CHAT_MAX_MESSAGE_CHARS on the server; see checkMessageText.
 */
import { z } from "zod";

/** The longest title a person may give a conversation. */
export const TITLE_MAX_CHARS = 120;
/** The longest title the app makes itself (from the model or the first words): shorter, to fit the sidebar. */
export const GENERATED_TITLE_MAX_CHARS = 60;

const messageText = z
  .string({ error: "Type a message." })
  .refine((value) => value.trim().length > 0, "Type a message.");

/** Files uploaded first (POST /api/v1/attachments), sent by id; the server enforces the per-message limit. */
export const attachmentIdsSchema = z
  .array(z.string().regex(/^[0-9a-f]{24}$/i, "Not an attachment id."), { error: "attachmentIds must be a list of ids." })
  .max(50, "Too many attachments.")
  .optional();

/** What a send with neither text nor files is told (the composer, the route and the API say the same). */
export const EMPTY_SEND_MESSAGE = "Type a message or attach a file.";

/** A message may be files alone: its text may then be empty (or left out). */
const sendText = z.string({ error: "Type a message." }).default("");

/** Refuses a send with no text and no files, on the text field (where the composer shows it). */
export function requireTextOrFiles(value: { text: string; attachmentIds?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if (value.text.trim().length === 0 && (value.attachmentIds?.length ?? 0) === 0) {
    ctx.addIssue({ code: "custom", path: ["text"], message: EMPTY_SEND_MESSAGE });
  }
}

export const replyRequestSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("send"), text: sendText, attachmentIds: attachmentIdsSchema }).superRefine(requireTextOrFiles),
  z.object({ mode: z.literal("regenerate") }),
  z.object({ mode: z.literal("edit"), text: messageText }),
]);
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const conversationTitleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(1, "Enter a title.")
  .max(TITLE_MAX_CHARS, `A title can be at most ${TITLE_MAX_CHARS} characters.`);
