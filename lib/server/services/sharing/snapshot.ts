/**
 * Takes a share's snapshot: the conversation's chat messages up to the chosen one (notices and
 * failed or unfinished replies are left out), the chosen detail fields, and the title, all with
 * hidden values redacted (redaction.ts). Bounded: at most MAX_SHARED_MESSAGES messages and
 * MAX_SNAPSHOT_CHARS characters, the latest ones before the chosen point, so a document stays far
 * below MongoDB's 16 MB limit whatever the conversation's length.
 */
import "server-only";
import type { ObjectId } from "mongodb";
import { hiddenTerms, redactor } from "@/lib/server/services/sharing/redaction";
import { AppError } from "@/lib/shared/errors";
import { detailLines } from "@/lib/shared/roles/detail-lines";
import type { ShareOptions } from "@/lib/shared/sharing/dto";
import type { ConversationDoc, Owner } from "@/models/conversations";
import { exportConversationMessages, type MessageDoc } from "@/models/messages";
import type { ShareSnapshot } from "@/models/share-links";

export const MAX_SHARED_MESSAGES = 500;
export const MAX_SNAPSHOT_CHARS = 2_000_000;
const READ_BATCH = 200;

type SnapshotMessage = ShareSnapshot["messages"][number];

function isSharable(doc: MessageDoc): boolean {
  return (doc.kind ?? "message") === "message" && (doc.status === "complete" || doc.status === "stopped") && doc.message.trim() !== "";
}

interface ReadResult {
  messages: SnapshotMessage[];
  notices: string[];
  truncated: boolean;
  found: boolean;
}

/**
 * Reads the conversation oldest first. Messages are kept up to `upTo`; notices are read to the
 * end, since a later "Details updated" records the value the shared part was written with.
 */
async function readConversation(owner: Owner, conversationId: ObjectId, upTo: string | undefined): Promise<ReadResult> {
  const result: ReadResult = { messages: [], notices: [], truncated: false, found: upTo === undefined };
  let chars = 0;
  const cursor = await exportConversationMessages(owner, conversationId, READ_BATCH);
  for await (const doc of cursor) {
    if (doc.kind === "notice") result.notices.push(doc.message);
    if (result.found && upTo !== undefined) continue;
    if (!isSharable(doc)) {
      if (doc._id.toHexString() === upTo) result.found = true;
      continue;
    }
    result.messages.push({ id: doc._id.toHexString(), sender: doc.sender, message: doc.message, timestamp: doc.timestamp });
    chars += doc.message.length;
    while (result.messages.length > MAX_SHARED_MESSAGES || chars > MAX_SNAPSHOT_CHARS) {
      chars -= result.messages.shift()?.message.length ?? 0;
      result.truncated = true;
    }
    if (doc._id.toHexString() === upTo) result.found = true;
  }
  return result;
}

export async function takeSnapshot(owner: Owner, conversation: ConversationDoc, options: ShareOptions, now: Date): Promise<ShareSnapshot> {
  const read = await readConversation(owner, conversation._id, options.upToMessageId);
  if (!read.found) {
    throw new AppError("invalid:share", "Choose a message of this conversation.", { fields: { upToMessageId: ["Choose a message of this conversation."] } });
  }
  const visible = new Set(options.visibleFields);
  const redact = redactor(hiddenTerms(conversation.fields, conversation.details, visible, read.notices));
  const messages = read.messages.map((message) => ({ ...message, message: redact(message.message) }));
  return {
    title: redact(conversation.title),
    roleId: conversation.roleId,
    roleName: conversation.roleName,
    roleIcon: conversation.roleIcon,
    startedAt: conversation.createdAt,
    takenAt: now,
    details: detailLines(conversation.fields, conversation.details)
      .filter((line) => visible.has(line.key))
      .map(({ label, value }) => ({ label, value })),
    messages,
    messageCount: messages.length,
    truncated: read.truncated,
  };
}
