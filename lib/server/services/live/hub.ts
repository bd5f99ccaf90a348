/**
 * The live hub: ONE change stream per server process (models/live-feed.ts), fanned out to every
 * listener of this process — never a stream per tab. Each event gets an id derived from its
 * resume token (the same on every instance, since tokens belong to the deployment), is framed as
 * SSE bytes once (sse-frame.ts) and handed to the listeners of its user only (listeners are
 * indexed by user, so an event costs its owner's listeners, not every open connection). The last
 * RING_SIZE framed events stay in memory, so a client that reconnects with `Last-Event-ID` — to
 * this instance or another whose hub saw the same events — gets exactly what it missed.
 * Listeners are capped per user, and a listener that cannot keep up is dropped (its client
 * reconnects and resumes), so a slow reader never grows this process's memory.
 */
import "server-only";
import { BSON, type ChangeStream, type Document, type ResumeToken } from "mongodb";
import { logger } from "@/lib/server/infra/log";
import { toFeedOutcome, type RoutedEvent } from "@/lib/server/services/live/feed-events";
import { stopLocalReply } from "@/lib/server/services/live/reply-progress";
import { encodeFrame, HISTORY_LOST_FRAME } from "@/lib/server/services/live/sse-frame";
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
  /** Hands the listener one event as SSE bytes (shared by all listeners: never written to); false when it is full (the hub then drops it). */
  deliver(frame: Uint8Array): boolean;
  /** The hub dropped the listener (overflow, shutdown); the client will reconnect. */
  close(): void;
}

/** One event as the hub keeps it: who it is for, and its bytes. */
export interface StoredEvent {
  id: string;
  userId: string;
  conversationId?: string;
  /** A removal of everything: conversation listeners get it too. */
  userWide: boolean;
  frame: Uint8Array;
}

export function encodeToken(token: ResumeToken): string {
  return Buffer.from(BSON.EJSON.stringify(token as Document)).toString("base64url");
}

export function toStoredEvent(id: string, routed: RoutedEvent): StoredEvent {
  const userWide = routed.event.type === "removed" && routed.event.data.scope === "all";
  return { id, userId: routed.userId, ...(routed.conversationId ? { conversationId: routed.conversationId } : {}), userWide, frame: encodeFrame(id, routed.event) };
}

export function wants(listener: Pick<LiveListener, "userId" | "conversationId">, stored: Omit<StoredEvent, "id" | "frame">): boolean {
  if (listener.userId !== stored.userId) return false;
  if (!listener.conversationId) return true;
  return stored.conversationId === listener.conversationId || stored.userWide;
}

export class LiveHub {
  /** Listeners by user: an event is offered only to its owner's. */
  private readonly byUser = new Map<string, Set<LiveListener>>();
  private count = 0;
  private readonly ring: StoredEvent[] = [];
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
    return this.count;
  }

  /** Adds a listener; false when its user already holds MAX_LISTENERS_PER_USER. */
  add(listener: LiveListener): boolean {
    const mine = this.byUser.get(listener.userId) ?? new Set<LiveListener>();
    if (mine.size >= MAX_LISTENERS_PER_USER) return false;
    if (mine.size === 0) this.byUser.set(listener.userId, mine);
    mine.add(listener);
    this.count += 1;
    return true;
  }

  remove(listener: LiveListener): void {
    const mine = this.byUser.get(listener.userId);
    if (!mine?.delete(listener)) return;
    this.count -= 1;
    if (mine.size === 0) this.byUser.delete(listener.userId);
  }

  private all(): LiveListener[] {
    return [...this.byUser.values()].flatMap((mine) => [...mine]);
  }

  /**
   * The listener's events after `lastEventId`, oldest first, or null when that id is not in
   * memory (forged, too old, or from before this hub started): the caller then says so.
   */
  eventsAfter(lastEventId: string, listener: Pick<LiveListener, "userId" | "conversationId">): StoredEvent[] | null {
    const position = this.positions.get(lastEventId);
    if (position === undefined) return null;
    return this.ring.slice(position - this.base + 1).filter((stored) => wants(listener, stored));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const listener of this.all()) listener.close();
    this.byUser.clear();
    this.count = 0;
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
    for (const listener of this.all()) if (!listener.deliver(HISTORY_LOST_FRAME)) this.drop(listener);
  }

  private handle(change: FeedChange): void {
    this.token = change._id;
    const outcome = toFeedOutcome(change);
    if (outcome.kind === "stop") stopLocalReply(outcome.replyId);
    if (outcome.kind !== "event") return;
    const stored = toStoredEvent(encodeToken(change._id), outcome.routed);
    this.remember(stored);
    const mine = this.byUser.get(stored.userId);
    if (!mine) return;
    // Deleting from a Set while iterating it is safe: a dropped listener is simply not revisited.
    for (const listener of mine) {
      if (wants(listener, stored) && !listener.deliver(stored.frame)) this.drop(listener);
    }
  }

  private remember(stored: StoredEvent): void {
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
