/**
 * Stop from anywhere: the request is recorded on the reply's replyStreams record (owner-checked
 * in the filter), where the streaming instance reads it on its next heartbeat or sees it at once
 * on the change stream; when the reply streams in this very process it is aborted directly.
 */
import "server-only";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { stopLocalReply } from "@/lib/server/services/live/reply-progress";
import { AppError } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";
import { parseObjectId } from "@/models/conversations";
import { findMessage } from "@/models/messages";
import { requestReplyStop } from "@/models/reply-streams";

/** Returns true when the reply was streaming and is being stopped, false when it had already ended. */
export async function stopReply(owner: Owner, conversationId: string, messageId: string): Promise<boolean> {
  const conversation = await requireConversation(owner, conversationId);
  const id = parseObjectId(messageId);
  const message = id ? await findMessage(owner, id) : null;
  if (!id || !message || !message.conversationId.equals(conversation._id)) throw new AppError("not_found:message");
  const recorded = await requestReplyStop(owner, id);
  stopLocalReply(id.toHexString());
  return recorded;
}
