/**
 * Stamps every incoming HTTP request with its TCP peer address (see lib/server/infra/http/client-address.ts).
 * Patched on net.Server's prototype so it covers the http and https servers Next.js has already
 * created by the time instrumentation runs; idempotent.
 */
import "server-only";
import type { IncomingMessage } from "node:http";
import net from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/server/infra/http/client-address";

const INSTALLED = Symbol.for("chatcraft.peerAddressHook");

export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "unknown";
}

export function installPeerAddressHeader(): void {
  const proto = net.Server.prototype as net.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const emit = proto.emit as (this: net.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function emitWithPeerAddress(this: net.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" && args[0] && typeof args[0] === "object" && "headers" in args[0]) {
      stampPeerAddress(args[0] as IncomingMessage);
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
