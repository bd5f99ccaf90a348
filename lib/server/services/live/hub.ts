/**
 * The live hub: ONE change stream per server process (models/live-feed.ts), fanned out to every
 * listener of this process — never a stream per tab. Each event gets an id derived from its
 * resume token (the same on every instance, since tokens belong to the deployment), and the last
 * RING_SIZE events stay in memory, so a client that reconnects with `Last-Event-ID` — to this
 * instance or another whose hub saw the same events — gets exactly what it missed. Listeners
 * are capped per user, and a listener that cannot keep up is dropped (its client reconnects and
 * resumes), so a slow reader never grows this process's memory.
 */
import "server-only";
import { BSON, type ChangeStream, type Document, type ResumeToken } from "mongodb";
import { logger } from "@/lib/server/infra/log";
import type { LiveEvent } from "@/lib/shared/live/events";
import { toFeedOutcome, type RoutedEvent } from "@/lib/server/services/live/feed-events";
import { stopLocalReply } from "@/lib/server/services/live/reply-progress";
import { openLiveFeed, type FeedChange } from "@/models/live-feed";

/** Open live connections one user may hold on one instance (tabs × devices, with room to spare). */
export const MAX_LISTENERS_PER_USER = 32;
/** Events kept for resuming: minutes of a busy instance. */
const RING_SIZE = 10_000;
const RESTART_DELAY_MS = 1_000;

export interface LiveListener {
  userId: string;
  /** Only this conversation's events (and user-wide removals); none for the user's whole stream. */
  conversationId?: string;
  /** Hands the listener one event; false when it is full (the hub then drops it). */
  deliver(id: string, event: LiveEvent): boolean;
  /** The hub dropped the listener (overflow, shutdown); the client will reconnect. */
  close(): void;
}

interface Stored {
  id: string;
  routed: RoutedEvent;
}

export function encodeToken(token: ResumeToken): string {
  return Buffer.from(BSON.EJSON.stringify(token as Document)).toString("base64url");
}

export function wants(listener: Pick<LiveListener, "userId" | "conversationId">, routed: RoutedEvent): boolean {
  if (listener.userId !== routed.userId) return false;
  if (!listener.conversationId) return true;
  if (routed.conversationId === listener.conversationId) return true;
  return routed.event.type === "removed" && routed.event.data.scope === "all";
}

export class LiveHub {
  private readonly listeners = new Set<LiveListener>();
  private readonly perUser = new Map<string, number>();
  private readonly ring: Stored[] = [];
  private readonly positions = new Map<string, number>();
  /** Absolute position of ring[0]. */
  private base = 0;
  private stream: ChangeStream<Document, FeedChange> | undefined;
  private token: ResumeToken | undefined;
  private closed = false;
  private readyPromise: Promise<void>;
  private markReady!: () => void;

  constructor() {
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
    void this.run();
  }

  /** Resolves once the change stream is open: anything written after that reaches the listeners. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Adds a listener; false when its user already holds MAX_LISTENERS_PER_USER. */
  add(listener: LiveListener): boolean {
    const count = this.perUser.get(listener.userId) ?? 0;
    if (count >= MAX_LISTENERS_PER_USER) return false;
    this.perUser.set(listener.userId, count + 1);
    this.listeners.add(listener);
    return true;
  }

  remove(listener: LiveListener): void {
    if (!this.listeners.delete(listener)) return;
    const count = (this.perUser.get(listener.userId) ?? 1) - 1;
    if (count > 0) this.perUser.set(listener.userId, count);
    else this.perUser.delete(listener.userId);
  }

  /**
   * The listener's events after `lastEventId`, oldest first, or null when that id is not in
   * memory (forged, too old, or from before this hub started): the caller then says so.
   */
  eventsAfter(lastEventId: string, listener: Pick<LiveListener, "userId" | "conversationId">): Stored[] | null {
    const position = this.positions.get(lastEventId);
    if (position === undefined) return null;
    return this.ring.slice(position - this.base + 1).filter((stored) => wants(listener, stored.routed));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const listener of [...this.listeners]) listener.close();
    this.listeners.clear();
    this.perUser.clear();
    await this.stream?.close().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        const stream = await openLiveFeed(this.token);
        this.stream = stream;
        // The first tryNext sends the aggregate: from then on every write is on this stream.
        let change = await stream.tryNext();
        this.markReady();
        while (!this.closed) {
          if (change) this.handle(change);
          change = await stream.tryNext();
        }
      } catch (error) {
        if (this.closed) return;
        this.restarted(error);
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS).unref());
      }
    }
  }

  /** The driver resumes by itself after network errors; this is for the rest (e.g. history lost). */
  private restarted(error: unknown): void {
    logger().warn({ err: error }, "live feed failed; reopening");
    this.token = undefined;
    // What happened between the old stream and the new one is unknown: every listener re-reads.
    for (const listener of [...this.listeners]) {
      if (!listener.deliver("", { type: "reset", data: { reason: "history_lost" } })) this.drop(listener);
    }
  }

  private handle(change: FeedChange): void {
    this.token = change._id;
    const outcome = toFeedOutcome(change);
    if (outcome.kind === "stop") stopLocalReply(outcome.replyId);
    if (outcome.kind !== "event") return;
    const stored = { id: encodeToken(change._id), routed: outcome.routed };
    this.remember(stored);
    for (const listener of this.listeners) {
      if (wants(listener, stored.routed) && !listener.deliver(stored.id, stored.routed.event)) this.drop(listener);
    }
  }

  private remember(stored: Stored): void {
    this.positions.set(stored.id, this.base + this.ring.length);
    this.ring.push(stored);
    // Trimmed a tenth at a time: one splice per thousand events, not an array shift per event.
    if (this.ring.length > RING_SIZE + RING_SIZE / 10) {
      const dropped = this.ring.splice(0, this.ring.length - RING_SIZE);
      for (const old of dropped) this.positions.delete(old.id);
      this.base += dropped.length;
    }
  }

  private drop(listener: LiveListener): void {
    this.remove(listener);
    listener.close();
  }
}

const HUB = Symbol.for("chatcraft.live.hub");
type WithHub = typeof globalThis & { [HUB]?: LiveHub };

/** This process's hub, started on first use (one per process, even if Next.js loads this module twice). */
export function liveHub(): LiveHub {
  const holder = globalThis as WithHub;
  holder[HUB] ??= new LiveHub();
  return holder[HUB];
}

/** Tests and shutdown: closes this process's hub (the next liveHub() starts a new one). */
export async function closeLiveHub(): Promise<void> {
  const holder = globalThis as WithHub;
  const hub = holder[HUB];
  delete holder[HUB];
  await hub?.close();
}
