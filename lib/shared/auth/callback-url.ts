/**
 * Where to send a user after signing in. Only same-origin relative paths are accepted, so a
 * crafted `?callbackUrl=https://evil.example` (or `//evil.example`, `/\evil.example`) cannot
 * turn the login page into an open redirect.
 */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const AUTH_PAGES = new Set(["/login", "/register"]);

export function safeCallbackUrl(raw: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // Browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" and "/\t/evil" escape the origin.
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  const base = "http://chatcraft.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  if (AUTH_PAGES.has(url.pathname) || url.pathname.startsWith("/api/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
