"use client";
/**
 * The tab's one live connection: an EventSource on /api/v1/me/events (the session cookie
 * authenticates it), shared by every part of the page that follows changes — the chat, the
 * sidebar, the dashboard, the board — so a tab holds one connection, not one per component.
 * The browser reconnects by itself and sends `Last-Event-ID`, so a drop misses nothing; each
 * (re)connect is also told to subscribers as "open", for what must be re-read after a gap.
 */
import { LIVE_EVENT_TYPES, type LiveEvent } from "@/lib/shared/live/events";

export type LiveSignal = LiveEvent | { type: "open" };
type Subscriber = (signal: LiveSignal) => void;

const LIVE_URL = "/api/v1/me/events";
const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

function broadcast(signal: LiveSignal): void {
  for (const subscriber of [...subscribers]) subscriber(signal);
}

/** After a refusal (a 503 while the server's feed starts, a 429) the browser gives up; we try again. */
const RETRY_AFTER_REFUSAL_MS = 3_000;

function connect(): EventSource {
  const opened = new EventSource(LIVE_URL);
  opened.addEventListener("open", () => broadcast({ type: "open" }));
  opened.addEventListener("error", () => {
    if (opened.readyState !== EventSource.CLOSED) return;
    setTimeout(() => {
      if (source !== opened || subscribers.size === 0) return;
      source = connect();
    }, RETRY_AFTER_REFUSAL_MS);
  });
  for (const type of LIVE_EVENT_TYPES) {
    opened.addEventListener(type, (message) => {
      try {
        broadcast({ type, data: JSON.parse((message as MessageEvent<string>).data) } as LiveEvent);
      } catch {
        // A frame this version cannot read is skipped; the next "reset" or reload re-reads the state.
      }
    });
  }
  return opened;
}

/** Follows the user's live events until the returned function is called. */
export function subscribeLive(subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  clearTimeout(closeTimer);
  source ??= connect();
  // Already open: this subscriber has missed nothing it could have seen, but treat it as a fresh start.
  if (source.readyState === EventSource.OPEN) queueMicrotask(() => subscribers.has(subscriber) && subscriber({ type: "open" }));
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size > 0) return;
    // Closed a moment later, so a page change that unmounts one subscriber and mounts the next keeps the connection.
    closeTimer = setTimeout(() => {
      if (subscribers.size > 0) return;
      source?.close();
      source = null;
    }, 1_000);
  };
}
