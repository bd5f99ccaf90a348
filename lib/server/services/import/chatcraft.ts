/**
 * ChatCraft's own `chatcraft-export` v1 (lib/server/services/api/export.ts): conversations come
 * first as one section, then every message, conversation by conversation in the same order. So
 * the conversations' heads (a few fields each) wait here until their messages arrive; a
 * conversation is complete when the messages move on to the next one, and is handed over then.
 * A conversation's messages are capped at `maxMessages` + 1 while they gather (the importer
 * refuses it), so one huge conversation cannot fill memory.
 */
import "server-only";
import { z } from "zod";
import { cleanTitle, firstIssue, toDate, type ImportedConversation, type ImportedMessage, type ImportItem } from "@/lib/server/services/import/imported";

const conversationSchema = z.looseObject({
  _id: z.string().min(1),
  title: z.string().nullish(),
  roleId: z.string().nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});

const messageSchema = z.looseObject({
  conversationId: z.string().min(1),
  sender: z.enum(["user", "ai"]),
  kind: z.string().nullish(),
  message: z.string(),
  timestamp: z.string().nullish(),
});

interface Pending {
  index: number;
  conversation: ImportedConversation;
}

export class ChatCraftGrouper {
  private readonly heads = new Map<string, Pending>();
  private current: Pending | null = null;

  constructor(private readonly maxMessages: number) {}

  /** A conversation record; a malformed one is reported at once. */
  addConversation(raw: unknown, index: number): ImportItem | null {
    const parsed = conversationSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, index, title: null, reason: `Not a ChatCraft conversation (${firstIssue(parsed.error)}).` };
    const head = parsed.data;
    this.heads.set(head._id, {
      index,
      conversation: {
        sourceId: head._id,
        title: cleanTitle(head.title),
        createdAt: toDate(head.createdAt),
        updatedAt: toDate(head.updatedAt),
        messages: [],
        ...(head.roleId ? { roleId: head.roleId } : {}),
        ...(head.details ? { details: head.details } : {}),
      },
    });
    return null;
  }

  /** A message record; returns the conversation it completes, if the messages moved on to another. */
  addMessage(raw: unknown): ImportItem[] {
    const parsed = messageSchema.safeParse(raw);
    // A message we cannot read is left out, as a notice or an empty reply is, and so are the
    // messages of a conversation the file does not hold (current stays null for them).
    if (!parsed.success || parsed.data.kind === "notice" || !parsed.data.message.trim()) return [];
    const message = parsed.data;
    const done: ImportItem[] = [];
    if (this.current?.conversation.sourceId !== message.conversationId) {
      if (this.current) done.push(this.complete(this.current));
      this.current = this.heads.get(message.conversationId) ?? null;
      this.heads.delete(message.conversationId);
    }
    const messages = this.current?.conversation.messages;
    if (messages && messages.length <= this.maxMessages) messages.push(toMessage(message));
    return done;
  }

  /** The end of the file: the last conversation, and every conversation that had no messages. */
  finish(): ImportItem[] {
    const done = this.current ? [this.complete(this.current)] : [];
    this.current = null;
    for (const pending of this.heads.values()) done.push(this.complete(pending));
    this.heads.clear();
    return done;
  }

  private complete(pending: Pending): ImportItem {
    return { ok: true, index: pending.index, conversation: pending.conversation };
  }
}

function toMessage(message: z.infer<typeof messageSchema>): ImportedMessage {
  return { sender: message.sender, text: message.message, at: toDate(message.timestamp) };
}
