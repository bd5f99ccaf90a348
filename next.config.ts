import { networkInterfaces } from "node:os";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { SERVER_ACTION_ALLOWED_ORIGINS } from "./lib/server/infra/http/action-origins";
import { DOWNLOAD_CSP, DOWNLOAD_ROUTES } from "./lib/server/infra/http/download-policy";

// Headers every response carries. Pages also get the full nonce-based CSP from proxy.ts
// (lib/server/infra/http/csp.ts); this baseline covers what the proxy does not match (static files, API).
const securityHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
  // Browsers ignore HSTS over plain http, so this is safe for local runs.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/**
 * Hosts whose pages may load the dev server's own resources (HMR socket, dev chunks). Next.js 16
 * only trusts `localhost` by default, so a page opened at 127.0.0.1 or at the "Network" address
 * renders but never hydrates. We allow loopback, every address of this machine, and any extra
 * hosts in CHATCRAFT_DEV_ORIGINS (comma-separated, e.g. a tunnel's name). Dev server only.
 */
function devOrigins(): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      hosts.add(address.family === "IPv6" ? `[${address.address.split("%")[0]}]` : address.address);
    }
  }
  for (const host of (process.env.CHATCRAFT_DEV_ORIGINS ?? "").split(",")) {
    if (host.trim()) hosts.add(host.trim());
  }
  return [...hosts];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // proxy.ts answers 413 above the same limit (Next.js itself fails an oversized action as a 500),
  // and 403 to an action from any origin but these (Next.js would answer 500).
  experimental: { serverActions: { bodySizeLimit: "2mb", allowedOrigins: SERVER_ACTION_ALLOWED_ORIGINS } },
  // The MongoDB driver (and the embedded server built on bson/mingo) uses Node APIs and optional
  // native modules; bundling them breaks, so they load from node_modules at runtime.
  serverExternalPackages: ["mongodb", "bson", "mingo", "pino", "bcryptjs"],
  async headers() {
    // A stored file keeps its sandboxing policy: the later match wins for the same header.
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: DOWNLOAD_ROUTES, headers: [{ key: "Content-Security-Policy", value: DOWNLOAD_CSP }] },
      // Shared links (/s/<token>) are public but private in spirit: never indexed, never cached.
      { source: "/s/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }, { key: "Cache-Control", value: "private, no-store" }] },
    ];
  },
};

/**
 * Dev-only settings. Turbopack's persistent dev cache (.next/dev/cache/turbopack) is off: a cache
 * left by dev servers that were killed (seen 5 times in 25 starts, never with a fresh .next/)
 * made every HMR connect trigger a full reload, ~6 a second, and Turbopack reports no reason for
 * it. With the cache off each start compiles from source — a few seconds slower on the first
 * page — and no state survives from a broken run, so the loop cannot come back.
 */
export default function config(phase: string): NextConfig {
  if (phase !== PHASE_DEVELOPMENT_SERVER) return nextConfig;
  return {
    ...nextConfig,
    allowedDevOrigins: devOrigins(),
    experimental: { ...nextConfig.experimental, turbopackFileSystemCacheForDev: false },
  };
}
