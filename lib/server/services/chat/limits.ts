/**
 * Chat limits with messages a person understands: message length (CHAT_MAX_MESSAGE_CHARS) and
 * messages per user per minute (CHAT_RATE_LIMIT_PER_MINUTE, a MongoDB-backed counter shared by
 * every app process).
 */
import "server-only";
import { getEnv } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import { EMPTY_SEND_MESSAGE } from "@/lib/shared/chat/schemas";
import type { RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { enforceRateLimit } from "@/lib/server/services/limits/rate-limit";
import type { Owner } from "@/models/conversations";

export function chatRateLimitRule(): RateLimitRule {
  return { name: "chat:messages:user", limit: getEnv().CHAT_RATE_LIMIT_PER_MINUTE, windowS: 60 };
}

/**
 * Throws AppError "invalid:message" (400) for an empty or over-long message; returns it trimmed at
 * the ends. `withFiles`: the message carries files, so empty text is a files-only message.
 */
export function checkMessageText(text: string, options: { withFiles?: boolean } = {}): string {
  const max = getEnv().CHAT_MAX_MESSAGE_CHARS;
  const trimmed = text.trim();
  if (trimmed.length === 0 && !options.withFiles) {
    const message = options.withFiles === false ? EMPTY_SEND_MESSAGE : "Type a message.";
    throw new AppError("invalid:message", message, { fields: { text: [message] } });
  }
  if (trimmed.length > max) {
    const message = `Messages can be at most ${max.toLocaleString("en-US")} characters; this one has ${trimmed.length.toLocaleString("en-US")}.`;
    throw new AppError("invalid:message", message, { fields: { text: [message] } });
  }
  return trimmed;
}

/** Counts one model call for the user; throws AppError "rate_limited:chat" (429, retryAfterSeconds) past the limit. */
export async function enforceChatRateLimit(owner: Owner): Promise<void> {
  const rule = chatRateLimitRule();
  try {
    await enforceRateLimit(rule, owner.toHexString(), "rate_limited:chat");
  } catch (error) {
    if (error instanceof AppError && error.kind === "rate_limited") {
      const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
      throw new AppError(
        "rate_limited:chat",
        `You have sent ${rule.limit} messages in the last minute. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        { retryAfterSeconds: seconds },
      );
    }
    throw error;
  }
}
