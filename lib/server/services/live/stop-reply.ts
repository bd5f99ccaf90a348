/**
 * Stop from anywhere: the request is recorded on the reply's replyStreams record (owner-checked
 * in the filter), where the streaming instance reads it on its next heartbeat or sees it at once
 * on the change stream; when the reply streams in this very process it is aborted directly.
 */
import "server-only";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { localRepliesOf, stopLocalReply } from "@/lib/server/services/live/reply-progress";
import { AppError } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";
import { parseObjectId } from "@/models/conversations";
import { findMessage } from "@/models/messages";
import { listConversationReplyStreams, requestReplyStop } from "@/models/reply-streams";
import type { StopResult } from "@/lib/shared/live/stop";

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

/**
 * Stop for a whole conversation (the public API, which need not know the reply's id): every reply
 * streaming in it is asked to stop — recorded for the instance that streams it, and aborted at
 * once when that is this one. Another user's (or a malformed) id is 404.
 */
export async function stopConversationReplies(owner: Owner, conversationId: string): Promise<StopResult> {
  const conversation = await requireConversation(owner, conversationId);
  const stopped = new Set<string>();
  for (const record of await listConversationReplyStreams(owner, conversation._id)) {
    if (await requestReplyStop(owner, record._id)) stopped.add(record._id.toHexString());
  }
  for (const id of [...stopped, ...localRepliesOf(conversation._id.toHexString())]) {
    if (stopLocalReply(id)) stopped.add(id);
  }
  const messageIds = [...stopped];
  return { state: messageIds.length > 0 ? "stopping" : "idle", messageIds };
}
