/**
 * The reply route's body: newline-delimited JSON, one ChatStreamEvent per line. The producer
 * runs to completion on its own (so the reply is saved even if nobody reads it); a client that
 * goes away aborts `signal`, which the producer passes to the model call.
 */
import "server-only";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";

export const NDJSON_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

export function ndjsonResponse(
  signal: AbortSignal,
  produce: (signal: AbortSignal, emit: (event: ChatStreamEvent) => void) => Promise<void>,
  onFailure: (error: unknown) => ChatStreamEvent,
): Response {
  const abort = new AbortController();
  const stop = () => abort.abort(signal.reason);
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  const encoder = new TextEncoder();
  let open = true;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: ChatStreamEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
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
      abort.abort(reason);
    },
  });
  // no-transform: Next.js (and most proxies) would gzip the stream otherwise, flushing the
  // compressor on every small chunk — CPU spent for no saving, on the reply's hot path.
  return new Response(body, {
    status: 200,
    headers: { "content-type": NDJSON_CONTENT_TYPE, "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
  });
}
