/**
 * One reply turn. `prepareReply` does everything that can refuse the request (ownership, text,
 * rate limit) and saves the user's message BEFORE any model call; `runReply` then streams the
 * model's answer, saving it as "streaming" first and finalising it as complete / stopped / error
 * with whatever text arrived, so nothing the user typed or saw is ever lost.
 */
import { countAppError } from "@/lib/server/infra/metrics";
import "server-only";
import { ObjectId } from "mongodb";
import { CONTEXT_WINDOW_MESSAGES, withLatest } from "@/lib/server/services/chat/context";
import { contextWithFiles } from "@/lib/server/services/chat/attachment-context";
import { toMessageDTO } from "@/lib/server/services/chat/dto";
import { checkAttachmentsForMessage, linkAttachments, toStoredAttachmentRef } from "@/lib/server/services/attachments/attachment-service";
import { checkMessageText, enforceChatRateLimit } from "@/lib/server/services/chat/limits";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { storedProposalFor, toolsForTurn, type TurnTools } from "@/lib/server/services/chat/project-turn";
import { proposalReplyText } from "@/lib/server/services/chat/proposal-text";
import { maybeGenerateTitle } from "@/lib/server/services/chat/title";
import type { ChatStreamEvent, ReplyRequest } from "@/lib/shared/chat/types";
import { assembleSystemInstruction } from "@/lib/server/ai/system-instruction";
import { estimateTokens } from "@/lib/server/ai/token-budget";
import { describeAiError } from "@/lib/server/ai/ai-errors";
import { DEFAULT_TEMPERATURE, type ChatTurn, type Proposal, type TokenUsage } from "@/lib/server/ai/chat-model";
import { getChatModel } from "@/lib/server/services/chat/ai-adapter";
import { AppError } from "@/lib/shared/errors";
import { trackReplyProgress } from "@/lib/server/services/live/reply-progress";
import { logger } from "@/lib/server/infra/log";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { startAiReply } from "@/lib/server/infra/metrics";
import { deleteMessageAttachments } from "@/models/attachments";
import { touchConversation, type ConversationDoc, type Owner } from "@/models/conversations";
import {
  deleteMessage,
  deleteRepliesAfter,
  finalizeReply,
  findLastTurn,
  insertMessage,
  insertMessages,
  listRecentMessages,
  listRepliesAfter,
  replaceMessageText,
  type MessageDoc,
  type StoredProposal,
} from "@/models/messages";

export interface PreparedReply {
  owner: Owner;
  conversation: ConversationDoc;
  /** The user message being answered (just saved for "send", edited for "edit", the last one for "regenerate"). */
  userMessage: MessageDoc;
  /** The recent messages, newest last, when prepareReply already read them ("send"); runReply reads them otherwise. */
  history?: MessageDoc[];
  /** The reply's "streaming" placeholder, when it was saved in one write with the user's message ("send"). */
  reply?: MessageDoc;
  /** The user's message was saved but not yet counted: runReply counts it with the reply, in one write. */
  uncounted?: boolean;
}

/** Counters must never fail a reply that was saved: a failed one is logged and left. */
function bookkeeping(write: Promise<unknown>, conversationId: ObjectId): Promise<void> {
  return write.then(
    () => undefined,
    (error: unknown) => logger().error({ err: error, conversationId: conversationId.toHexString() }, "conversation counters not updated"),
  );
}

/** Ownership and the rate limit, checked together; "not yours" wins over "too many" when both fail. */
async function ownConversationWithinLimit(owner: Owner, conversationId: string): Promise<ConversationDoc> {
  const [conversation, limit] = await Promise.allSettled([requireConversation(owner, conversationId), enforceChatRateLimit(owner)]);
  if (conversation.status === "rejected") throw conversation.reason;
  if (limit.status === "rejected") throw limit.reason;
  return conversation.value;
}

/**
 * Refusals here become problem+json (404 not yours, 400 bad text, 429 too many). On the path to
 * the first token only what must come first waits: text, ownership and rate limit, then the
 * user's message (with the reply's placeholder) written durably while the recent history is
 * read alongside.
 */
export async function prepareReply(owner: Owner, conversationId: string, request: ReplyRequest): Promise<PreparedReply> {
  const withFiles = request.mode === "send" ? (request.attachmentIds?.length ?? 0) > 0 : undefined;
  const text = request.mode === "regenerate" ? null : checkMessageText(request.text, { withFiles });

  if (request.mode === "send") {
    const conversation = await ownConversationWithinLimit(owner, conversationId);
    const files = await checkAttachmentsForMessage(owner, conversation._id, request.attachmentIds ?? []);
    // The user's message and the reply's placeholder go in one ordered write: one round trip.
    const [recent, saved] = await Promise.all([
      listRecentMessages(owner, conversation._id, CONTEXT_WINDOW_MESSAGES),
      insertMessages(owner, conversation._id, [
        { sender: "user", message: text ?? "", status: "complete", after: conversation.lastMessageAt, attachments: files.map(toStoredAttachmentRef) },
        { sender: "ai", message: "", status: "streaming" },
      ]),
    ]);
    const [userMessage, reply] = saved as [MessageDoc, MessageDoc];
    // The files belong to the message before the model is called: a failed reply keeps both.
    await linkAttachments(owner, conversation._id, userMessage._id, files);
    const history = withLatest(recent.filter((doc) => !doc._id.equals(reply._id)), userMessage);
    return { owner, conversation, userMessage, reply, history, uncounted: true };
  }

  const conversation = await requireConversation(owner, conversationId);
  await enforceChatRateLimit(owner);

  const last = await findLastTurn(owner, conversation._id);
  // A reply whose plan or changes the user already applied or dismissed is a record of that decision.
  if (last?.sender === "ai" && last.proposal && last.proposal.state !== "proposed") {
    throw new AppError(`conflict:${request.mode}`, "This reply's proposal was already used. Send a new message instead.");
  }
  if (request.mode === "regenerate") {
    if (last?.sender === "ai") {
      const reply = last;
      // The reply, its files (should a reply ever carry any) and the counter go together or not at all.
      await inTransaction(async () => {
        await deleteMessageAttachments(owner, [reply._id]);
        if (await deleteMessage(owner, conversation._id, reply._id)) await touchConversation(owner, conversation._id, reply.timestamp, -1);
      });
    }
    const userMessage = last?.sender === "user" ? last : await findLastTurn(owner, conversation._id, "user");
    if (!userMessage) throw new AppError("invalid:regenerate", "There is no message to answer yet.");
    return { owner, conversation, userMessage };
  }

  const lastUser = last?.sender === "user" ? last : await findLastTurn(owner, conversation._id, "user");
  if (!lastUser) throw new AppError("invalid:edit", "There is no message to edit yet.");
  // All or nothing: an edit that fails leaves the old message, its reply and the counters as they were.
  const userMessage = await inTransaction(async () => {
    await deleteMessageAttachments(owner, await listRepliesAfter(owner, conversation._id, lastUser.timestamp));
    const dropped = await deleteRepliesAfter(owner, conversation._id, lastUser.timestamp);
    if (dropped > 0) await touchConversation(owner, conversation._id, lastUser.timestamp, -dropped);
    const edited = await replaceMessageText(owner, lastUser._id, text ?? "");
    if (!edited) throw new AppError("not_found:message", "That message no longer exists.");
    return edited;
  });
  return { owner, conversation, userMessage };
}

/**
 * Streams the reply, emitting ChatStreamEvents. Never throws for model failures: they are saved
 * on the reply and emitted as an `error` event. `signal` is the client's: aborting it stops the
 * model call and saves the partial reply as "stopped".
 */
export async function runReply(prepared: PreparedReply, signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void> {
  const { owner, conversation, userMessage } = prepared;
  emit({ type: "user", message: toMessageDTO(userMessage) });
  let counted: Promise<void> | undefined;
  try {
    const model = getChatModel();
    const turn = await toolsForTurn(owner, conversation);
    // The conversation's snapshot of the role (never the live role) plus its validated details.
    const base = assembleSystemInstruction({ name: conversation.roleName, instructions: conversation.instructions }, conversation.fields, conversation.details);
    const systemInstruction = turn.instruction ? `${base}\n\n${turn.instruction}` : base;
    // The instruction is sent with every call, so it comes out of the same budget as the history.
    const reserved = estimateTokens(systemInstruction);
    const recent = prepared.history ?? (await listRecentMessages(owner, conversation._id, CONTEXT_WINDOW_MESSAGES));
    const context = await contextWithFiles(owner, recent, reserved, model);
    // Unless "send" saved it already, the placeholder reply is written while the model starts:
    // its id is chosen here, so the client learns it at once, and every later write to it waits
    // for the insert first.
    const replyId = prepared.reply?._id ?? new ObjectId();
    const placeholder = prepared.reply
      ? Promise.resolve(prepared.reply)
      : insertMessage(owner, conversation._id, { id: replyId, sender: "ai", message: "", status: "streaming", after: userMessage.timestamp });
    counted = countMessages(prepared, placeholder);
    emit({ type: "start", messageId: replyId.toHexString() });
    await streamReply(prepared, { model, systemInstruction, context, replyId, placeholder, turn }, signal, emit);
  } finally {
    await (counted ?? countMessages(prepared, null));
  }
}

/**
 * The sidebar's counters (messageCount, lastMessageAt): the reply and, for "send", the user's
 * message before it, in one write once the placeholder is saved (or the user's message alone
 * when no reply was saved). Off the path to the first token.
 */
function countMessages(prepared: PreparedReply, placeholder: Promise<MessageDoc> | null): Promise<void> {
  const { owner, conversation, userMessage } = prepared;
  const uncounted = prepared.uncounted ? 1 : 0;
  const countUserOnly = () => (uncounted ? touchConversation(owner, conversation._id, userMessage.timestamp, uncounted) : undefined);
  const write = placeholder
    ? placeholder.then((reply) => touchConversation(owner, conversation._id, reply.timestamp, 1 + uncounted), countUserOnly)
    : Promise.resolve().then(countUserOnly);
  return bookkeeping(write, conversation._id);
}

interface ReplyCall {
  model: ReturnType<typeof getChatModel>;
  systemInstruction: string;
  context: ChatTurn[];
  replyId: ObjectId;
  placeholder: Promise<MessageDoc>;
  turn: TurnTools;
}

async function streamReply(
  prepared: PreparedReply,
  { model, systemInstruction, context, replyId, placeholder, turn }: ReplyCall,
  signal: AbortSignal,
  emit: (event: ChatStreamEvent) => void,
): Promise<void> {
  const { owner, conversation, userMessage } = prepared;

  let text = "";
  let proposal: Proposal | undefined;
  let stored: StoredProposal | null = null;
  let usage: TokenUsage | undefined;
  // The text goes to MongoDB as it streams (any tab or instance follows it), and Stop from any of
  // them aborts the model like the client's own signal.
  const progress = trackReplyProgress({ owner, conversationId: conversation._id, replyId, saved: placeholder });
  signal = AbortSignal.any([signal, progress.signal]);
  const aiMetrics = startAiReply(model.id);
  try {
    const stream = model.streamReply({
      systemInstruction,
      history: context,
      temperature: conversation.temperature ?? DEFAULT_TEMPERATURE,
      signal,
      ...(turn.tools?.length ? { tools: turn.tools } : {}),
      ...(turn.detailsFields ? { detailsFields: turn.detailsFields } : {}),
    });
    for await (const part of stream) {
      if (part.type === "done") {
        usage = part.usage;
        continue;
      }
      if (part.type === "proposal") {
        proposal = part.proposal;
        continue;
      }
      aiMetrics.firstToken();
      text += part.text;
      emit({ type: "text", text: part.text });
      progress.append(part.text);
    }
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
    // A change naming a task outside this project is refused whole, like arguments that fail the schema.
    if (proposal) stored = await storedProposalFor(owner, conversation, turn, proposal);
  } catch (error) {
    aiMetrics.end(signal.aborted ? "stopped" : describeAiError(error).code, usage);
    await placeholder;
    await progress.finish();
    await finishWithFailure(prepared, replyId, text, model.id, usage, error, signal, emit);
    return;
  }

  aiMetrics.end("complete", usage);
  if (stored && proposal && !text.trim()) text = proposalReplyText(proposal);
  await placeholder;
  await progress.finish();
  const saved = await finalizeReply(owner, replyId, {
    message: text,
    status: "complete",
    model: model.id,
    usage,
    ...(stored ? { proposal: stored } : {}),
  });
  if (saved) emit({ type: "done", message: toMessageDTO(saved) });
  const title = await maybeGenerateTitle(owner, conversation, titleInput(userMessage), text, model);
  if (title) emit({ type: "title", title });
}

/** What a title is made from: the message, or for a files-only message the files' names. */
function titleInput(message: MessageDoc): string {
  if (message.message.trim() || !message.attachments?.length) return message.message;
  return message.attachments.map((file) => file.name).join(", ");
}

async function finishWithFailure(
  prepared: PreparedReply,
  replyId: ObjectId,
  text: string,
  modelName: string,
  usage: TokenUsage | undefined,
  error: unknown,
  signal: AbortSignal,
  emit: (event: ChatStreamEvent) => void,
): Promise<void> {
  if (signal.aborted) {
    const saved = await finalizeReply(prepared.owner, replyId, { message: text, status: "stopped", model: modelName, usage });
    // The client has usually gone; if it is still reading, tell it what was kept.
    if (saved) emit({ type: "done", message: toMessageDTO(saved) });
    return;
  }
  const described = describeAiError(error);
  countAppError(described.code);
  if (described.code === "unknown") {
    logger().error({ err: error, conversationId: prepared.conversation._id.toHexString() }, "chat reply failed");
  }
  const saved = await finalizeReply(prepared.owner, replyId, {
    message: text,
    status: "error",
    model: modelName,
    usage,
    errorCode: described.code,
  });
  emit({
    type: "error",
    code: described.code,
    message: described.message,
    ...(described.retryAfterSeconds !== undefined ? { retryAfterSeconds: described.retryAfterSeconds } : {}),
    ...(saved ? { reply: toMessageDTO(saved) } : {}),
  });
}

