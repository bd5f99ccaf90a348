/**
 * The Content-Security-Policy every stored file is served with: a sandbox (no script, no
 * same-origin powers) that loads nothing. One value for the download route and next.config.ts,
 * whose baseline headers would otherwise replace the route's own. No "server-only" here:
 * next.config.ts imports it.
 */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** The routes that serve stored files (next.config.ts `headers()` source syntax). */
export const DOWNLOAD_ROUTES = "/api/v1/attachments/:id/:variant(content|thumbnail)";
