/**
 * Readable text for a reply that failed, when only its saved error code is known (after a
 * reload); while streaming, the server's own message is shown instead.
 */
const MESSAGES: Record<string, string> = {
  rate_limited: "The AI service is busy (rate limit reached). Wait a moment, then retry.",
  quota_exceeded: "The AI service quota is used up for now. Try again later.",
  invalid_key: "The AI service refused the API key. Check GEMINI_API_KEY.",
  safety_blocked: "The AI declined to answer this message for safety reasons. Try rephrasing it.",
  overloaded: "The AI model is overloaded right now. Retry in a moment.",
  network: "The connection was lost before the reply finished.",
  incomplete: "The reply ended unexpectedly.",
};

export function errorTextFor(code: string | undefined): string {
  if (!code) return "The reply failed.";
  const base = code.split(":").pop() ?? code;
  return MESSAGES[code] ?? MESSAGES[base] ?? "Something went wrong while writing this reply.";
}
