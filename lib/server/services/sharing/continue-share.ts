/**
 * Continue in my account: a signed-in visitor's private copy of a shared conversation, under the
 * same role and with the visitor's own details for that role (their brief, else the fields'
 * defaults), never the sharer's. It copies the shared, already-redacted messages; a copy that
 * fails part-way is removed, so no half-copied conversation remains.
 */
import "server-only";
import { snapshotOf } from "@/lib/server/services/chat/conversation-service";
import { prefilledDetails } from "@/lib/server/services/chat/queries";
import { hashShareToken } from "@/lib/server/services/sharing/share-link-base";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import { SHARE_TOKEN_PATTERN } from "@/lib/shared/sharing/dto";
import { createConversation, deleteConversation, touchConversation, type Owner } from "@/models/conversations";
import { deleteConversationMessages, insertMessages } from "@/models/messages";
import { findLiveShareLink } from "@/models/share-links";

export async function continueSharedConversation(visitor: Owner, token: string): Promise<{ conversationId: string }> {
  const link = SHARE_TOKEN_PATTERN.test(token) ? await findLiveShareLink(hashShareToken(token)) : null;
  if (!link) throw new AppError("not_found:share");
  const resolved = await resolveRole(visitor, link.snapshot.roleId);
  if (!resolved) throw new AppError("not_found:role", "This conversation's role is private to the person who shared it.");
  const details = await prefilledDetails(visitor, resolved.role);
  const conversation = await createConversation(visitor, { snapshot: snapshotOf(resolved.role), details, title: link.snapshot.title });
  try {
    if (link.snapshot.messages.length > 0) {
      const docs = await insertMessages(
        visitor,
        conversation._id,
        link.snapshot.messages.map((message) => ({ sender: message.sender, message: message.message, status: "complete" as const, after: conversation.createdAt })),
      );
      await touchConversation(visitor, conversation._id, docs.at(-1)!.timestamp, docs.length);
    }
  } catch (error) {
    await deleteConversationMessages(visitor, conversation._id);
    await deleteConversation(visitor, conversation._id);
    throw error;
  }
  return { conversationId: conversation._id.toHexString() };
}
