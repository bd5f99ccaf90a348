/**
 * Server-sent-event framing of live events. The hub frames each event ONCE, as bytes, and hands
 * the same bytes to every listener that wants it: with 200 listeners an event is serialised and
 * UTF-8-encoded once, not 200 times (the bytes are never written to, so sharing them is safe).
 */
import "server-only";
import type { LiveEvent } from "@/lib/shared/live/events";

const encoder = new TextEncoder();

export function frameEvent(id: string, event: LiveEvent): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export function encodeFrame(id: string, event: LiveEvent): Uint8Array {
  return encoder.encode(frameEvent(id, event));
}

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Sent when a stream cannot resume from where its client was: the page re-reads its state. */
export const HISTORY_LOST_FRAME = encodeFrame("", { type: "reset", data: { reason: "history_lost" } });
