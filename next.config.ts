import type { NextConfig } from "next";

// Headers every response carries. Pages also get the full nonce-based CSP from proxy.ts
// (lib/http/csp.ts); this baseline covers what the proxy does not match (static files, API).
const securityHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  // Browsers ignore HSTS over plain http, so this is safe for local runs.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // proxy.ts answers 413 above the same limit (Next.js itself fails an oversized action as a 500).
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  // The MongoDB driver (and the embedded server built on bson/mingo) uses Node APIs and optional
  // native modules; bundling them breaks, so they load from node_modules at runtime.
  serverExternalPackages: ["mongodb", "bson", "mingo", "pino", "bcryptjs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
