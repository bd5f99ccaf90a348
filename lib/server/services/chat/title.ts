/**
 * Names a conversation after its first exchange: a short model call, falling back to the first
 * words of the user's message. A title the user typed is never overwritten.
 */
import "server-only";
import { generateConversationTitle, type AdaptedChatModel } from "@/lib/server/services/chat/ai-adapter";
import { GENERATED_TITLE_MAX_CHARS } from "@/lib/shared/chat/schemas";
import { titleFromText } from "@/lib/shared/chat/title";
import { setGeneratedTitle, type ConversationDoc, type Owner } from "@/models/conversations";

const FALLBACK_WORDS = 6;

/**
 * The first words of the message's opening line(s) (lib/shared/chat/title.ts): never past a list
 * or a blank line, no list markers, cut at a word boundary, no trailing punctuation.
 */
export function titleFromFirstWords(text: string): string {
  return titleFromText(text, { maxChars: GENERATED_TITLE_MAX_CHARS, maxWords: FALLBACK_WORDS }) || "New chat";
}

/** Returns the new title when one was set, null otherwise (already named, or renamed by the user). */
export async function maybeGenerateTitle(
  owner: Owner,
  conversation: ConversationDoc,
  userText: string,
  replyText: string,
  model: AdaptedChatModel,
): Promise<string | null> {
  if (conversation.titleSource !== "default") return null;
  let title: string | null = null;
  try {
    // The model cleans its own answer (lib/ai cleanTitle); only an empty one falls through.
    title = (await generateConversationTitle(model, userText, replyText))?.trim() || null;
  } catch {
    // A failed title call is not worth a failed reply: the first words will do.
  }
  const finalTitle = title ?? titleFromFirstWords(userText);
  return (await setGeneratedTitle(owner, conversation._id, finalTitle)) ? finalTitle : null;
}
