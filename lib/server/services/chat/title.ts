/**
 * Names a conversation after its first exchange: a short model call, falling back to the first
 * words of the user's message. A title the user typed is never overwritten.
 */
import "server-only";
import { fallbackTitle, type ChatModel } from "@/lib/server/ai/chat-model";
import { setGeneratedTitle, type ConversationDoc, type Owner } from "@/models/conversations";

/** Returns the new title when one was set, null otherwise (already named, or renamed by the user). */
export async function maybeGenerateTitle(
  owner: Owner,
  conversation: ConversationDoc,
  userText: string,
  replyText: string,
  model: ChatModel,
): Promise<string | null> {
  if (conversation.titleSource !== "default") return null;
  let title: string | null = null;
  try {
    // The model cleans its own answer (lib/ai cleanTitle); only an empty one falls through.
    title = (await model.generateTitle(userText, replyText)).trim() || null;
  } catch {
    // A failed title call is not worth a failed reply: the first words will do.
  }
  const finalTitle = title ?? fallbackTitle(userText);
  return (await setGeneratedTitle(owner, conversation._id, finalTitle)) ? finalTitle : null;
}
