/**
 * One live connection as a server-sent-events response: registered with the hub before anything
 * is read (so nothing written after the response starts is missed), events after `Last-Event-ID`
 * replayed from the hub's memory — or a `reset` event when that id is unknown — then live events,
 * and a comment every HEARTBEAT_MS so proxies keep an idle stream open. The response's queue is
 * bounded: a client that stops reading is dropped once MAX_BUFFERED_BYTES wait for it.
 */
import "server-only";
import { AppError } from "@/lib/shared/errors";
import { problemResponse } from "@/lib/server/infra/http/problem";
import { isDraining } from "@/lib/server/infra/shutdown";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { liveHub, type LiveListener } from "@/lib/server/services/live/hub";
import { encodeText, HISTORY_LOST_FRAME } from "@/lib/server/services/live/sse-frame";
import type { Owner } from "@/models/conversations";

const HEARTBEAT_MS = 15_000;
/** What one connection may have waiting unread before it is dropped. */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** The hub's stream opens in well under this; past it the database cannot stream changes. */
const READY_TIMEOUT_MS = 10_000;

const HEARTBEAT_FRAME = encodeText(": heartbeat\n\n");
// Tells the browser how soon to reconnect; the first bytes also flush the headers.
const RETRY_FRAME = encodeText("retry: 2000\n\n");

async function hubWhenReady() {
  const hub = liveHub();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("unavailable", "Live updates are not available right now.")), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([hub.ready(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return hub;
}

export interface LiveScope {
  userId: string;
  conversationId?: string;
}

export async function liveEventsResponse(request: Request, scope: LiveScope): Promise<Response> {
  // A shutting-down process: refused (the client retries), on a connection that then closes, so
  // the retry reaches a worker or instance that stays.
  if (isDraining()) {
    return problemResponse(new AppError("unavailable", "This server is restarting; live updates reconnect in a moment."), {
      headers: { connection: "close" },
    });
  }
  const hub = await hubWhenReady();
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>(
    {
      start: (streamController) => {
        controller = streamController;
      },
      cancel: () => end(),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 16 * 1024 }),
  );

  let open = true;
  const write = (frame: Uint8Array): boolean => {
    if (!open) return false;
    controller.enqueue(frame);
    return (controller.desiredSize ?? 0) > -MAX_BUFFERED_BYTES;
  };
  const listener: LiveListener = { ...scope, deliver: write, close: () => end() };
  if (!hub.add(listener)) throw new AppError("rate_limited:live");
  const heartbeat = setInterval(() => {
    if (!write(HEARTBEAT_FRAME)) end();
  }, HEARTBEAT_MS);
  function end(): void {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    hub.remove(listener);
    try {
      controller.close();
    } catch {
      // Already cancelled by the client.
    }
  }
  request.signal.addEventListener("abort", end, { once: true });

  write(RETRY_FRAME);
  if (lastEventId) {
    const missed = hub.eventsAfter(lastEventId, scope);
    if (missed === null) write(HISTORY_LOST_FRAME);
    else for (const stored of missed) write(stored.frame);
  }
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
  });
}

/** One conversation's events; another user's (or a malformed) id is 404 before anything streams. */
export async function conversationEventsResponse(owner: Owner, conversationId: string, request: Request): Promise<Response> {
  const conversation = await requireConversation(owner, conversationId);
  return liveEventsResponse(request, { userId: owner.toHexString(), conversationId: conversation._id.toHexString() });
}

/** Everything of the caller's: every conversation, the sidebar's rows, projects and boards. */
export async function userEventsResponse(owner: Owner, request: Request): Promise<Response> {
  return liveEventsResponse(request, { userId: owner.toHexString() });
}
