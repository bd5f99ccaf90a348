/**
 * One reply turn. `prepareReply` does everything that can refuse the request (ownership, text,
 * rate limit) and saves the user's message BEFORE any model call; `runReply` then streams the
 * model's answer, saving it as "streaming" first and finalising it as complete / stopped / error
 * with whatever text arrived, so nothing the user typed or saw is ever lost.
 */
import { ObjectId } from "mongodb";
import { buildContext } from "@/lib/chat/context";
import { toMessageDTO } from "@/lib/chat/dto";
import { checkMessageText, enforceChatRateLimit } from "@/lib/chat/limits";
import { requireConversation } from "@/lib/chat/conversation-service";
import { checkProposalReferences, toolsForTurn, toStoredProposal } from "@/lib/chat/project-turn";
import { proposalReplyText } from "@/lib/chat/proposal-text";
import { maybeGenerateTitle } from "@/lib/chat/title";
import type { ChatStreamEvent, ReplyRequest } from "@/lib/chat/types";
import { buildSystemInstruction, describeAiError, estimateTokensOf, getChatModel, type Proposal } from "@/lib/chat/ai-adapter";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { touchConversation, type ConversationDoc, type Owner } from "@/models/conversations";
import {
  deleteMessage,
  deleteRepliesAfter,
  finalizeReply,
  findLastTurn,
  insertMessage,
  replaceMessageText,
  saveReplyProgress,
  type MessageDoc,
  type MessageUsage,
} from "@/models/messages";

/** How often (ms) the partial text of a streaming reply is written, so a crash keeps most of it. */
const PROGRESS_SAVE_MS = 2_000;

export interface PreparedReply {
  owner: Owner;
  conversation: ConversationDoc;
  /** The user message being answered (just saved for "send", edited for "edit", the last one for "regenerate"). */
  userMessage: MessageDoc;
}

/** Refusals here become problem+json (404 not yours, 400 bad text, 429 too many). */
export async function prepareReply(owner: Owner, conversationId: string, request: ReplyRequest): Promise<PreparedReply> {
  const conversation = await requireConversation(owner, conversationId);
  const text = request.mode === "regenerate" ? null : checkMessageText(request.text);
  await enforceChatRateLimit(owner);

  if (request.mode === "send") {
    const userMessage = await insertMessage(owner, conversation._id, {
      sender: "user",
      message: text ?? "",
      status: "complete",
      after: conversation.lastMessageAt,
    });
    await touchConversation(owner, conversation._id, userMessage.timestamp, 1);
    return { owner, conversation, userMessage };
  }

  const last = await findLastTurn(owner, conversation._id);
  if (request.mode === "regenerate") {
    if (last?.sender === "ai") {
      await deleteMessage(owner, conversation._id, last._id);
      await touchConversation(owner, conversation._id, last.timestamp, -1);
    }
    const userMessage = last?.sender === "user" ? last : await findLastTurn(owner, conversation._id, "user");
    if (!userMessage) throw new AppError("invalid:regenerate", "There is no message to answer yet.");
    return { owner, conversation, userMessage };
  }

  const lastUser = last?.sender === "user" ? last : await findLastTurn(owner, conversation._id, "user");
  if (!lastUser) throw new AppError("invalid:edit", "There is no message to edit yet.");
  const dropped = await deleteRepliesAfter(owner, conversation._id, lastUser.timestamp);
  if (dropped > 0) await touchConversation(owner, conversation._id, lastUser.timestamp, -dropped);
  const userMessage = await replaceMessageText(owner, lastUser._id, text ?? "");
  if (!userMessage) throw new AppError("not_found:message", "That message no longer exists.");
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

  const model = getChatModel();
  const turn = await toolsForTurn(owner, conversation);
  const base = buildSystemInstruction(conversation, conversation.details);
  const systemInstruction = turn.instruction ? `${base}\n\n${turn.instruction}` : base;
  // The instruction is sent with every call, so it comes out of the same budget as the history.
  const context = await buildContext(owner, conversation._id, estimateTokensOf(systemInstruction));
  const reply = await insertMessage(owner, conversation._id, { sender: "ai", message: "", status: "streaming", after: userMessage.timestamp });
  await touchConversation(owner, conversation._id, reply.timestamp, 1);
  emit({ type: "start", messageId: reply._id.toHexString() });

  let text = "";
  let proposal: Proposal | undefined;
  let taskTitles: Record<string, string> = {};
  let usage: MessageUsage | undefined;
  let lastSave = Date.now();
  try {
    const stream = model.stream({
      systemInstruction,
      messages: context,
      temperature: conversation.temperature,
      signal,
      tools: turn.tools,
    });
    for await (const part of stream) {
      if (part.type === "usage") {
        usage = part.usage;
        continue;
      }
      if (part.type === "proposal") {
        proposal = part.proposal;
        continue;
      }
      text += part.text;
      emit({ type: "text", text: part.text });
      if (Date.now() - lastSave > PROGRESS_SAVE_MS) {
        lastSave = Date.now();
        await saveReplyProgress(owner, reply._id, text);
      }
    }
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
    // A change naming a task outside this project is refused whole, like arguments that fail the schema.
    if (proposal) taskTitles = await checkProposalReferences(owner, turn, proposal);
  } catch (error) {
    await finishWithFailure(prepared, reply._id, text, model.name, usage, error, signal, emit);
    return;
  }

  if (proposal && !text.trim()) text = proposalReplyText(proposal);
  const saved = await finalizeReply(owner, reply._id, {
    message: text,
    status: "complete",
    model: model.name,
    usage,
    ...(proposal ? { proposal: toStoredProposal(proposal, taskTitles) } : {}),
  });
  if (saved) emit({ type: "done", message: toMessageDTO(saved) });
  const title = await maybeGenerateTitle(owner, conversation, userMessage.message, text, model);
  if (title) emit({ type: "title", title });
}

async function finishWithFailure(
  prepared: PreparedReply,
  replyId: ObjectId,
  text: string,
  modelName: string,
  usage: MessageUsage | undefined,
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

