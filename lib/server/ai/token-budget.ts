/**
 * Bounds what is sent to the model, so a reply's cost does not grow with the conversation.
 * Counts are estimates (no tokenizer call on the hot path): about 4 characters per token for
 * ASCII, and one token per character otherwise, which over-counts most non-Latin scripts and
 * therefore errs on the side of sending less.
 */

import "server-only";
export interface ContextMessage {
  role: "user" | "model";
  text: string;
}

/** Framing tokens Gemini adds per turn (role markers). */
export const TOKENS_PER_MESSAGE = 4;

const TRUNCATION_MARK = "\n\n[… shortened to fit the context budget …]\n\n";

function charCost(codePoint: number): number {
  return codePoint < 128 ? 0.25 : 1;
}

export function estimateTokens(text: string): number {
  let cost = 0;
  for (const char of text) cost += charCost(char.codePointAt(0)!);
  return Math.ceil(cost);
}

export function messageTokens(message: ContextMessage): number {
  return estimateTokens(message.text) + TOKENS_PER_MESSAGE;
}

/** The longest prefix of `chars` costing at most `budget`. */
function takeWithin(chars: string[], budget: number): string[] {
  const taken: string[] = [];
  let cost = 0;
  for (const char of chars) {
    cost += charCost(char.codePointAt(0)!);
    if (cost > budget) break;
    taken.push(char);
  }
  return taken;
}

/** Keeps the start and the end of a text (a question often follows a long paste) within `budgetTokens`. */
export function truncateToTokens(text: string, budgetTokens: number): string {
  if (estimateTokens(text) <= budgetTokens) return text;
  const room = Math.max(0, budgetTokens - estimateTokens(TRUNCATION_MARK));
  const chars = Array.from(text);
  const head = takeWithin(chars, Math.floor(room * 0.6));
  const tail = takeWithin(chars.slice(head.length).reverse(), room - estimateTokens(head.join(""))).reverse();
  return head.join("") + TRUNCATION_MARK + tail.join("");
}

/**
 * The newest messages that fit `budgetTokens`, oldest first. The latest user message is always
 * kept (shortened only if it alone exceeds the budget); older messages are dropped from the
 * oldest end, never from the middle, and the result starts with a user turn, as Gemini expects.
 */
export function selectContext<T extends ContextMessage>(messages: readonly T[], budgetTokens: number): T[] {
  const budget = Math.max(1, Math.floor(budgetTokens));
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i]!.role === "user") {
      lastUser = i;
      break;
    }
  }

  // Nothing to answer without a user message.
  if (lastUser === -1) return [];

  const latest = messages[lastUser]!;
  const anchor = messageTokens(latest) <= budget ? latest : { ...latest, text: truncateToTokens(latest.text, budget - TOKENS_PER_MESSAGE) };
  let remaining = budget - messageTokens(anchor);

  const newer: T[] = [];
  for (let i = lastUser + 1; i < messages.length; i += 1) {
    const cost = messageTokens(messages[i]!);
    if (cost > remaining) break;
    newer.push(messages[i]!);
    remaining -= cost;
  }

  const older: T[] = [];
  for (let i = lastUser - 1; i >= 0; i -= 1) {
    const cost = messageTokens(messages[i]!);
    if (cost > remaining) break;
    older.unshift(messages[i]!);
    remaining -= cost;
  }
  while (older.length > 0 && older[0]!.role !== "user") older.shift();

  return [...older, anchor, ...newer];
}
