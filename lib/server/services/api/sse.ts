/**
 * Server-sent events for /api/v1 replies. The reply is produced by lib/chat's NDJSON stream
 * (which owns abort-on-disconnect and runs the model to completion); this only re-frames each
 * line as an SSE event, keeping the four public event types: user, text, done, error.
 */
import "server-only";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";

export const SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8";
const PUBLIC_EVENTS = new Set<ChatStreamEvent["type"]>(["user", "text", "done", "error"]);

export function sseFrame(event: ChatStreamEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function sseHeaders(): Headers {
  return new Headers({ "content-type": SSE_CONTENT_TYPE, "cache-control": "no-store, no-transform", "x-accel-buffering": "no" });
}

/** Re-frames an NDJSON ChatStreamEvent response as SSE; cancelling the result cancels the source (and the model). */
export function ndjsonToSse(ndjson: Response): Response {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffered = "";
  const toFrames = (text: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    buffered += text;
    let newline = buffered.indexOf("\n");
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) {
        const event = JSON.parse(line) as ChatStreamEvent;
        if (PUBLIC_EVENTS.has(event.type)) controller.enqueue(encoder.encode(sseFrame(event)));
      }
      newline = buffered.indexOf("\n");
    }
  };
  const transform = new TransformStream<Uint8Array, Uint8Array>({
    transform: (chunk, controller) => toFrames(decoder.decode(chunk, { stream: true }), controller),
    flush: (controller) => toFrames(`${decoder.decode()}\n`, controller),
  });
  return new Response(ndjson.body?.pipeThrough(transform) ?? null, { status: ndjson.status, headers: sseHeaders() });
}

/** A finished list of events as an SSE response (idempotent replays). */
export function sseFromEvents(events: ChatStreamEvent[]): Response {
  return new Response(events.map(sseFrame).join(""), { status: 200, headers: sseHeaders() });
}
