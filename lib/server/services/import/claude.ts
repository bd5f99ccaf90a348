/**
 * One conversation of a Claude data export (`conversations.json`, an array of these): a flat list
 * of `chat_messages` from "human" and "assistant". Newer exports put the text in `content` blocks
 * (only `type: "text"` ones carry words; tool calls and attachments are left out), older ones in
 * `text`.
 */
import "server-only";
import { z } from "zod";
import { cleanTitle, firstIssue, toDate, type ImportedMessage, type ImportItem } from "@/lib/server/services/import/imported";

const messageSchema = z.looseObject({
  sender: z.string(),
  text: z.string().nullish(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string().nullish() })).nullish(),
  created_at: z.string().nullish(),
});
type ClaudeMessage = z.infer<typeof messageSchema>;

const conversationSchema = z.looseObject({
  uuid: z.string().min(1),
  name: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  chat_messages: z.array(messageSchema),
});

export function isClaudeConversation(value: unknown): boolean {
  return typeof value === "object" && value !== null && "chat_messages" in value;
}

const SENDERS: Record<string, ImportedMessage["sender"]> = { human: "user", assistant: "ai" };

function textOf(message: ClaudeMessage): string {
  const blocks = (message.content ?? []).filter((block) => block.type === "text" && block.text).map((block) => block.text!.trim());
  return (blocks.length ? blocks.join("\n\n") : (message.text ?? "")).trim();
}

function toMessage(message: ClaudeMessage): ImportedMessage | null {
  const sender = SENDERS[message.sender];
  const text = textOf(message);
  return sender && text ? { sender, text, at: toDate(message.created_at) } : null;
}

export function readClaudeConversation(raw: unknown, index: number): ImportItem {
  const parsed = conversationSchema.safeParse(raw);
  const rawTitle = typeof raw === "object" && raw !== null && "name" in raw && typeof raw.name === "string" ? raw.name : null;
  if (!parsed.success) return { ok: false, index, title: rawTitle, reason: `Not a Claude conversation (${firstIssue(parsed.error)}).` };
  const conversation = parsed.data;
  return {
    ok: true,
    index,
    conversation: {
      sourceId: conversation.uuid,
      title: cleanTitle(conversation.name),
      createdAt: toDate(conversation.created_at),
      updatedAt: toDate(conversation.updated_at),
      messages: conversation.chat_messages.map(toMessage).filter((message): message is ImportedMessage => message !== null),
    },
  };
}
