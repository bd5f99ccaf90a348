/**
 * What the model sees of the conversation: only a bounded window of the newest messages is read
 * (never the whole history), notices and failed empty replies are left out, and selectContext
 * trims the rest to CHAT_CONTEXT_TOKEN_BUDGET — so a reply's cost does not grow with chat length.
 */
import type { ObjectId } from "mongodb";
import { selectTurnsWithinBudget, type ChatTurn } from "@/lib/chat/ai-adapter";
import { toProposalDTO } from "@/lib/chat/dto";
import { proposalContextNote } from "@/lib/chat/proposal-text";
import { getEnv } from "@/lib/env";
import type { Owner } from "@/models/conversations";
import { listRecentMessages, type MessageDoc } from "@/models/messages";

/** The most messages read to build a context, whatever the budget. */
export const CONTEXT_WINDOW_MESSAGES = 200;

export function toChatTurns(messages: MessageDoc[]): ChatTurn[] {
  return messages
    .filter((doc) => doc.kind !== "notice" && doc.status !== "streaming" && doc.message.trim() !== "")
    .map((doc) => ({
      role: doc.sender === "user" ? "user" : "model",
      // The model's own proposals are function calls; it is reminded of them, and of their fate, in words.
      text: doc.proposal ? `${doc.message}\n\n${proposalContextNote(toProposalDTO(doc.proposal))}` : doc.message,
    }));
}

/** The newest turns that fit the budget after the system instruction's share, oldest first. */
export async function buildContext(owner: Owner, conversationId: ObjectId, reservedTokens = 0): Promise<ChatTurn[]> {
  const recent = await listRecentMessages(owner, conversationId, CONTEXT_WINDOW_MESSAGES);
  const budget = Math.max(1, getEnv().CHAT_CONTEXT_TOKEN_BUDGET - reservedTokens);
  return selectTurnsWithinBudget(toChatTurns(recent), budget);
}
