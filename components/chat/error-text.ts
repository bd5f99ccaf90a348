/**
 * Readable text for a reply that failed, when only its saved error code is known (after a
 * reload); while streaming, the server's own message is shown instead.
 */
// Same codes and wording as lib/ai's aiErrorMessage (which cannot be bundled for the browser).
const MESSAGES: Record<string, string> = {
  rate_limited: "The AI service is busy right now. Try again in a minute.",
  invalid_key: "The AI service rejected this app's API key. Ask the administrator to check GEMINI_API_KEY.",
  safety_blocked: "The AI would not answer this because of its safety filters. Try rephrasing your message.",
  overloaded: "The AI model is overloaded right now. Try again in a moment.",
  network: "The connection to the AI service was lost before the reply finished. Try again.",
  incomplete: "The reply ended unexpectedly. Try again.",
  invalid_plan: "I couldn't turn that into a plan. Retry to ask again.",
  invalid_changes: "I couldn't turn that into changes to your project. Retry to ask again.",
};

export function errorTextFor(code: string | undefined): string {
  if (!code) return "The reply failed.";
  const base = code.split(":").pop() ?? code;
  return MESSAGES[code] ?? MESSAGES[base] ?? "Something went wrong while getting a reply. Try again.";
}
