/**
 * Writes one imported conversation, all or nothing: the conversation and its messages commit in
 * one transaction, so a failure part-way leaves no half-imported chat. It is idempotent: the
 * conversation carries sha-256(format:source id) as its import key, unique per owner, so the same
 * file imported twice skips what is already there (and a race between two imports meets the
 * unique index, which is a skip too).
 */
import "server-only";
import { createHash } from "node:crypto";
import { MongoServerError } from "mongodb";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { snapshotOf, validateDetails, withRequiredDefaults } from "@/lib/server/services/chat/conversation-service";
import type { ImportedConversation } from "@/lib/server/services/import/imported";
import type { Role } from "@/lib/shared/roles/role-schema";
import type { ImportFormat } from "@/lib/shared/import/schemas";
import { findConversationByImportKey, insertImportedConversation, type Owner } from "@/models/conversations";
import { insertImportedMessages } from "@/models/messages";

const DUPLICATE_KEY = 11000;

export function importKeyOf(format: ImportFormat, sourceId: string): string {
  return createHash("sha256").update(`${format}:${sourceId}`).digest("hex");
}

/** The role's details for an imported chat: the file's own if they fit the role, else the form's defaults. */
function detailsFor(role: Role, fromFile: Record<string, unknown> | undefined): Record<string, unknown> {
  if (fromFile) {
    try {
      return validateDetails(role.fields, fromFile);
    } catch {
      // Details that no longer fit the role are not carried over; the defaults are.
    }
  }
  return withRequiredDefaults(role.fields, {}) as Record<string, unknown>;
}

/**
 * Times as the source gave them, made strictly increasing (the messages model's ordering
 * invariant): a missing or out-of-order time becomes 1 ms after the one before.
 */
export function timeline(conversation: ImportedConversation, now: Date): { createdAt: Date; times: Date[] } {
  const createdAt = conversation.createdAt ?? conversation.messages.find((message) => message.at)?.at ?? now;
  const times: Date[] = [];
  let previous = createdAt.getTime() - 1;
  for (const message of conversation.messages) {
    const at = Math.max(message.at?.getTime() ?? previous + 1, previous + 1);
    times.push(new Date(at));
    previous = at;
  }
  return { createdAt, times };
}

export async function writeImportedConversation(
  owner: Owner,
  format: ImportFormat,
  role: Role,
  conversation: ImportedConversation,
): Promise<"imported" | "skipped"> {
  const importKey = importKeyOf(format, conversation.sourceId);
  if (await findConversationByImportKey(owner, importKey)) return "skipped";
  const { createdAt, times } = timeline(conversation, new Date());
  const lastMessageAt = times.at(-1) ?? createdAt;
  const updatedAt = conversation.updatedAt && conversation.updatedAt > lastMessageAt ? conversation.updatedAt : lastMessageAt;
  try {
    await inTransaction(async () => {
      const doc = await insertImportedConversation(owner, {
        snapshot: snapshotOf(role),
        details: detailsFor(role, conversation.details),
        title: conversation.title,
        importKey,
        createdAt,
        updatedAt,
        lastMessageAt,
        messageCount: conversation.messages.length,
      });
      await insertImportedMessages(
        owner,
        doc._id,
        conversation.messages.map((message, i) => ({ sender: message.sender, message: message.text, timestamp: times[i]! })),
      );
    });
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY && error.keyPattern?.importKey) return "skipped";
    throw error;
  }
  return "imported";
}
