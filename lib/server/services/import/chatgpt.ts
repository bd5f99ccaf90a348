/**
 * One conversation of a ChatGPT data export (`conversations.json`, an array of these). Its
 * messages form a tree in `mapping` (every edit or regeneration is a branch); the one the user
 * last looked at ends at `current_node`, so we walk from there up to the root and keep that path.
 * System, tool and hidden nodes, and anything without text, are left out.
 */
import "server-only";
import { z } from "zod";
import { cleanTitle, firstIssue, toDate, type ImportedMessage, type ImportItem } from "@/lib/server/services/import/imported";

const nodeSchema = z.looseObject({
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
  message: z
    .looseObject({
      author: z.looseObject({ role: z.string() }),
      content: z.looseObject({ content_type: z.string().optional(), parts: z.array(z.unknown()).nullish() }).nullish(),
      create_time: z.number().nullish(),
      metadata: z.looseObject({ is_visually_hidden_from_conversation: z.boolean().nullish() }).nullish(),
    })
    .nullish(),
});
type ChatGptNode = z.infer<typeof nodeSchema>;

const conversationSchema = z.looseObject({
  title: z.string().nullish(),
  create_time: z.number().nullish(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), nodeSchema),
  current_node: z.string().nullish(),
  conversation_id: z.string().nullish(),
  id: z.string().nullish(),
});

/** Does this element look like a ChatGPT conversation (for detecting the file's format)? */
export function isChatGptConversation(value: unknown): boolean {
  return typeof value === "object" && value !== null && "mapping" in value;
}

/** The branch to keep: `current_node` if it is in the tree, else the newest leaf's path. */
function branchEnd(mapping: Record<string, ChatGptNode>, current: string | null | undefined): string | undefined {
  if (current && mapping[current]) return current;
  let newest: { id: string; at: number } | undefined;
  for (const [id, node] of Object.entries(mapping)) {
    if (node.children?.length) continue;
    const at = node.message?.create_time ?? 0;
    if (!newest || at >= newest.at) newest = { id, at };
  }
  return newest?.id;
}

/** Root-to-leaf order; a cycle (a malformed tree) stops the walk rather than looping. */
function pathTo(mapping: Record<string, ChatGptNode>, end: string | undefined): ChatGptNode[] {
  const path: ChatGptNode[] = [];
  const visited = new Set<string>();
  for (let id = end, node = id ? mapping[id] : undefined; id && node && !visited.has(id); id = node.parent ?? undefined, node = id ? mapping[id] : undefined) {
    visited.add(id);
    path.push(node);
  }
  return path.reverse();
}

const SENDERS: Record<string, ImportedMessage["sender"]> = { user: "user", assistant: "ai" };

function toMessage(node: ChatGptNode): ImportedMessage | null {
  const message = node.message;
  if (!message || message.metadata?.is_visually_hidden_from_conversation) return null;
  const sender = SENDERS[message.author.role];
  if (!sender) return null;
  // Only text parts: images, files and tool payloads arrive as objects and are not carried over.
  const text = (message.content?.parts ?? [])
    .filter((part): part is string => typeof part === "string")
    .join("\n\n")
    .trim();
  return text ? { sender, text, at: toDate(message.create_time) } : null;
}

export function readChatGptConversation(raw: unknown, index: number): ImportItem {
  const parsed = conversationSchema.safeParse(raw);
  const rawTitle = typeof raw === "object" && raw !== null && "title" in raw && typeof raw.title === "string" ? raw.title : null;
  if (!parsed.success) return { ok: false, index, title: rawTitle, reason: `Not a ChatGPT conversation (${firstIssue(parsed.error)}).` };
  const conversation = parsed.data;
  const sourceId = conversation.conversation_id ?? conversation.id ?? `${conversation.create_time ?? ""}:${conversation.title ?? ""}`;
  const messages = pathTo(conversation.mapping, branchEnd(conversation.mapping, conversation.current_node))
    .map(toMessage)
    .filter((message): message is ImportedMessage => message !== null);
  return {
    ok: true,
    index,
    conversation: {
      sourceId,
      title: cleanTitle(conversation.title),
      createdAt: toDate(conversation.create_time),
      updatedAt: toDate(conversation.update_time),
      messages,
    },
  };
}
