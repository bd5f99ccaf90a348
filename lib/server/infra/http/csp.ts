/**
 * The Content-Security-Policy every page answers with. Scripts run only with this request's
 * nonce ('strict-dynamic' lets the scripts Next.js loads with it load their chunks); no inline
 * event handlers, no eval outside development. Styles: our CSS files, <style> elements carrying
 * the nonce, and sonner's one injected stylesheet by hash (it cannot take a nonce); style
 * *attributes* stay allowed because Radix positions popovers with them. Violations are reported
 * to /api/csp-report, which logs them.
 */

/** sha-256 of the stylesheet sonner injects (and of the empty <style> it appends first); tests/unit/csp.test.ts recomputes it. */
import "server-only";
export const SONNER_STYLE_HASHES = ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'sha256-StEaX+se6YS7pqjzrzMIA0KaX9zF/8zAhvQXZAe5epY='"] as const;

export const NONCE_HEADER = "x-nonce";
export const CSP_REPORT_PATH = "/api/csp-report";

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // Development's CSS hot reload injects <style> elements without a nonce.
    "style-src": options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`, ...SONNER_STYLE_HASHES],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(options.dev ? ["ws:", "wss:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "report-uri": [CSP_REPORT_PATH],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
