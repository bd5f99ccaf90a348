/**
 * Hosts (besides the app's own) whose pages may call its server actions — Next.js's
 * `serverActions.allowedOrigins` pattern syntax ("app.example.com", "*.example.com"). One list for
 * next.config.ts and proxy.ts, which refuses every other origin with 403 before Next.js would
 * answer 500. Empty: only same-origin pages. No "server-only" here: next.config.ts imports it.
 */
export const SERVER_ACTION_ALLOWED_ORIGINS: string[] = [];
