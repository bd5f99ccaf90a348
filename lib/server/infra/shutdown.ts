/**
 * Whether this server process is shutting down (SIGTERM/SIGINT, see instrumentation.ts). Next.js
 * then stops accepting connections, but a browser's keep-alive connection can still bring new
 * requests; a long-lived one (a live stream) must be turned away, or the process never exits.
 */
import "server-only";

const drainingKey = Symbol.for("chatcraft.shutdown.draining");
type WithDraining = typeof globalThis & { [drainingKey]?: true };

export function startDraining(): void {
  (globalThis as WithDraining)[drainingKey] = true;
}

export function isDraining(): boolean {
  return (globalThis as WithDraining)[drainingKey] === true;
}
