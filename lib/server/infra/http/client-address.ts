/**
 * The client's address, for per-client limits. `X-Forwarded-For` is written by whoever sends
 * the request, so it is only believed as far as TRUSTED_PROXY_HOPS says proxies we run append to
 * it; with no trusted proxy (the default) the address is the TCP peer's, which no header can
 * change. On Vercel the platform's own header is used (Vercel overwrites it on every request).
 *
 * Next.js gives route handlers, server actions and the proxy no socket; `installPeerAddressHeader`
 * (run once at start-up from instrumentation.ts) copies each connection's remote address into
 * PEER_ADDRESS_HEADER before Next.js sees the request, replacing whatever a client sent under
 * that name.
 */
import "server-only";
import { getEnv } from "@/lib/server/infra/env";

export const PEER_ADDRESS_HEADER = "x-chatcraft-peer-address";
const UNKNOWN = "unknown";

function forwardedChain(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

function normalise(address: string | undefined): string {
  if (!address) return UNKNOWN;
  // "::ffff:127.0.0.1" is the IPv4 peer of a dual-stack socket: one client, one key.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}

export interface ClientAddressConfig {
  trustedProxyHops: number;
  onVercel: boolean;
}

function currentConfig(): ClientAddressConfig {
  const env = getEnv();
  return { trustedProxyHops: env.TRUSTED_PROXY_HOPS, onVercel: env.VERCEL === "1" };
}

export function clientAddress(headers: Headers, config: ClientAddressConfig = currentConfig()): string {
  if (config.onVercel) {
    return normalise(forwardedChain(headers, "x-vercel-forwarded-for")[0] ?? forwardedChain(headers, "x-forwarded-for")[0]);
  }
  const peer = headers.get(PEER_ADDRESS_HEADER) ?? undefined;
  if (config.trustedProxyHops === 0) return normalise(peer);
  // Each trusted proxy appends the address it received the request from, so the entry
  // `hops` from the right was written by our outermost proxy; everything left of it is the client's say.
  const chain = forwardedChain(headers, "x-forwarded-for");
  return normalise(chain[chain.length - config.trustedProxyHops] ?? chain[0] ?? peer);
}
