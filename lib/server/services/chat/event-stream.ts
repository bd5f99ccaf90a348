/**
 * A reply as a stream of ChatStreamEvents, framed once per event either as newline-delimited
 * JSON (the chat page's reply route) or as server-sent events (/api/v1, which shows only its four
 * public event types). The producer runs to completion on its own (so the reply is saved even if
 * nobody reads it); a client that goes away aborts `signal`, which the producer passes to the model.
 */
import "server-only";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";

export type EventFraming = "ndjson" | "sse";

const CONTENT_TYPE: Record<EventFraming, string> = {
  ndjson: "application/x-ndjson; charset=utf-8",
  sse: "text/event-stream; charset=utf-8",
};
const PUBLIC_SSE_EVENTS = new Set<ChatStreamEvent["type"]>(["user", "text", "done", "error"]);

/** One event's bytes in the framing, or null for an event the framing does not show. */
function frame(event: ChatStreamEvent, framing: EventFraming): string | null {
  if (framing === "ndjson") return `${JSON.stringify(event)}\n`;
  if (!PUBLIC_SSE_EVENTS.has(event.type)) return null;
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function streamHeaders(framing: EventFraming): HeadersInit {
  // no-transform: Next.js (and most proxies) would gzip the stream otherwise, flushing the
  // compressor on every small chunk — CPU spent for no saving, on the reply's hot path.
  return { "content-type": CONTENT_TYPE[framing], "cache-control": "no-store, no-transform", "x-accel-buffering": "no" };
}

/**
 * `detached`: the client going away does not abort the producer (the chat page's replies keep
 * streaming into MongoDB, where a reload or another tab picks them up; only Stop stops them).
 */
export function eventStreamResponse(
  framing: EventFraming,
  signal: AbortSignal,
  produce: (signal: AbortSignal, emit: (event: ChatStreamEvent) => void) => Promise<void>,
  onFailure: (error: unknown) => ChatStreamEvent,
  { detached = false }: { detached?: boolean } = {},
): Response {
  const abort = new AbortController();
  const stop = () => {
    if (!detached) abort.abort(signal.reason);
  };
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  const encoder = new TextEncoder();
  let open = true;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: ChatStreamEvent) => {
        const text = open ? frame(event, framing) : null;
        if (text === null) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          open = false;
        }
      };
      void produce(abort.signal, emit)
        .catch((error: unknown) => emit(onFailure(error)))
        .finally(() => {
          signal.removeEventListener("abort", stop);
          if (open) {
            open = false;
            try {
              controller.close();
            } catch {
              // Already closed by a cancel.
            }
          }
        });
    },
    cancel(reason) {
      open = false;
      if (!detached) abort.abort(reason);
    },
  });
  return new Response(body, { status: 200, headers: streamHeaders(framing) });
}

/** A finished list of events (an idempotent replay), framed the same way. */
export function eventListResponse(framing: EventFraming, events: ChatStreamEvent[]): Response {
  const text = events.map((event) => frame(event, framing) ?? "").join("");
  return new Response(text, { status: 200, headers: streamHeaders(framing) });
}
