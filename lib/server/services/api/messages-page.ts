/**
 * GET /conversations/:id/messages: a page in either direction. The cursor is the last
 * message's timestamp, made opaque; a cursor that does not decode is a 400 (not "first page"),
 * so a client never silently loops.
 */
import "server-only";
import { toMessageDTO } from "@/lib/server/services/chat/dto";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import type { MessageDTO } from "@/lib/shared/chat/types";
import { AppError } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";
import { listMessagesPage } from "@/models/messages";

export function encodeMessageCursor(timestamp: Date): string {
  return Buffer.from(`m1.${timestamp.getTime()}`).toString("base64url");
}

export function decodeMessageCursor(cursor: string): Date {
  const match = /^m1\.(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw new AppError("invalid:cursor", "cursor is not valid.", { fields: { cursor: ["cursor is not valid."] } });
  return new Date(Number(match[1]));
}

export async function listMessagesFor(
  owner: Owner,
  conversationId: string,
  query: { order: "asc" | "desc"; limit: number; cursor?: string },
): Promise<{ items: MessageDTO[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeMessageCursor(query.cursor) : null;
  const conversation = await requireConversation(owner, conversationId);
  const ascending = query.order === "asc";
  const page = await listMessagesPage(owner, conversation._id, ascending ? { after } : { before: after }, query.limit);
  const items = ascending ? page.messages : page.messages.reverse();
  const last = items.at(-1);
  const more = ascending ? page.hasNewer : page.hasOlder;
  return { items: items.map(toMessageDTO), nextCursor: more && last ? encodeMessageCursor(last.timestamp) : null };
}
