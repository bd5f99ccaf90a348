/**
 * Export one conversation as Markdown or as `chatcraft-conversation` v1 JSON
 * (lib/shared/export/conversation-export.ts). Owner-checked like every read (another user's id
 * is not found) and streamed over a cursor, pull-driven, so a long conversation never sits in
 * memory whole. The owner exports their own data: the role's details are included.
 */
import "server-only";
import { pullStream } from "@/lib/server/services/api/export";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { toMessageDTO } from "@/lib/server/services/chat/dto";
import { markdownHeader, markdownMessage } from "@/lib/server/services/export/conversation-markdown";
import { detailLines } from "@/lib/shared/roles/detail-lines";
import {
  CONVERSATION_EXPORT_FORMAT,
  CONVERSATION_EXPORT_VERSION,
  conversationExportFilename,
  type ConversationExportFormat,
  type ExportedConversation,
  type ExportedMessage,
} from "@/lib/shared/export/conversation-export";
import type { ConversationDoc, Owner } from "@/models/conversations";
import { exportConversationMessages, type MessageDoc } from "@/models/messages";

const READ_BATCH = 200;

export function toExportedConversation(doc: ConversationDoc): ExportedConversation {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    mode: doc.mode ?? "chat",
    role: { id: doc.roleId, name: doc.roleName },
    details: detailLines(doc.fields, doc.details),
    projectId: doc.projectId?.toHexString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    lastMessageAt: doc.lastMessageAt.toISOString(),
  };
}

export function toExportedMessage(doc: MessageDoc): ExportedMessage {
  const { id, sender, kind, message, timestamp, status, model } = toMessageDTO(doc);
  const attachments = doc.attachments?.map((file) => ({ name: file.name, type: file.mime, size: file.size }));
  return { id, sender, kind, message, timestamp, status, ...(model ? { model } : {}), ...(attachments?.length ? { attachments } : {}) };
}

async function* exportedMessages(owner: Owner, conversation: ConversationDoc): AsyncGenerator<ExportedMessage> {
  const cursor = await exportConversationMessages(owner, conversation._id, READ_BATCH);
  try {
    for await (const doc of cursor) yield toExportedMessage(doc);
  } finally {
    await cursor.close();
  }
}

async function* jsonPieces(owner: Owner, conversation: ConversationDoc, exportedAt: string): AsyncGenerator<string> {
  const head = { format: CONVERSATION_EXPORT_FORMAT, version: CONVERSATION_EXPORT_VERSION, exportedAt, conversation: toExportedConversation(conversation) };
  yield `${JSON.stringify(head).slice(0, -1)},"messages":[`;
  let first = true;
  for await (const message of exportedMessages(owner, conversation)) {
    yield `${first ? "" : ","}${JSON.stringify(message)}`;
    first = false;
  }
  yield "]}\n";
}

async function* markdownPieces(owner: Owner, conversation: ConversationDoc, exportedAt: string): AsyncGenerator<string> {
  yield markdownHeader(toExportedConversation(conversation), exportedAt);
  let empty = true;
  for await (const message of exportedMessages(owner, conversation)) {
    empty = false;
    yield markdownMessage(message, conversation.roleName);
  }
  if (empty) yield "_No messages yet._\n";
}

export async function exportConversationResponse(owner: Owner, conversationId: string, format: ConversationExportFormat, now: Date = new Date()): Promise<Response> {
  const conversation = await requireConversation(owner, conversationId);
  const exportedAt = now.toISOString();
  const pieces = format === "json" ? jsonPieces(owner, conversation, exportedAt) : markdownPieces(owner, conversation, exportedAt);
  const filename = conversationExportFilename(conversation.title, exportedAt.slice(0, 10), format);
  return new Response(pullStream(pieces), {
    status: 200,
    headers: {
      "content-type": format === "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
