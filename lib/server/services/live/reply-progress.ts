/**
 * A streaming reply's progress in MongoDB, so any tab, device or instance can follow it and Stop
 * it: the text goes out as append-only chunks, throttled on the leading edge — a token that
 * comes after a quiet spell of FLUSH_MS is written at once (no added delay for a model that
 * streams in pieces further apart than that, as Gemini does), later ones gather until FLUSH_MS
 * after the last write, so a fast model costs at most 1/FLUSH_MS writes a second, not one per
 * token; inserts are chained (at most one in flight, in `seq` order) — and a heartbeat keeps the reply's replyStreams record fresh and reads back whether Stop
 * was asked for (by any instance). Stop asked on this instance aborts at once, without waiting
 * for the next heartbeat.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { ObjectId } from "mongodb";
import { logger } from "@/lib/server/infra/log";
import type { Owner } from "@/models/conversations";
import { insertReplyChunk } from "@/models/reply-chunks";
import { beatReplyStream, endReplyStream, startReplyStream } from "@/models/reply-streams";

/** The least time between two chunk writes of one reply (tokens gather meanwhile). */
export const FLUSH_MS = 60;
/** How often the streaming instance proves it is alive and looks for a Stop from elsewhere. */
export const HEARTBEAT_MS = 500;

/** This server process, as replyStreams records name it. */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

interface LocalReply {
  controller: AbortController;
  conversationId: string;
}

/** The replies streaming in this process, by id: Stop asked here (or seen on the change stream) aborts them directly. */
const local = new Map<string, LocalReply>();

/** Aborts a reply streaming in this process; false if it does not stream here. */
export function stopLocalReply(replyId: string): boolean {
  const reply = local.get(replyId);
  reply?.controller.abort(new Error("stopped"));
  return reply !== undefined;
}

/**
 * The ids of a conversation's replies streaming in this process — including one whose
 * replyStreams record is still being written (its first tokens can come before that insert).
 */
export function localRepliesOf(conversationId: string): string[] {
  return [...local].filter(([, reply]) => reply.conversationId === conversationId).map(([id]) => id);
}

export interface ReplyProgress {
  /** Aborted by Stop from anywhere (or when the record was swept as dead). */
  signal: AbortSignal;
  append(text: string): void;
  /** Writes what is left and removes the record; the reply's final state is the caller's to save. */
  finish(): Promise<void>;
}

export interface ReplyTarget {
  owner: Owner;
  conversationId: ObjectId;
  replyId: ObjectId;
  /** Resolves once the reply's message exists: the record and chunks wait for it. */
  saved: Promise<unknown>;
}

export function trackReplyProgress({ owner, conversationId, replyId, saved }: ReplyTarget): ReplyProgress {
  const controller = new AbortController();
  const key = replyId.toHexString();
  local.set(key, { controller, conversationId: conversationId.toHexString() });
  const started = saved.then(() => startReplyStream({ _id: replyId, conversationId, userId: owner, instance: INSTANCE_ID }));
  let seq = 0;
  let pending = "";
  let writing: Promise<void> = started;
  let timer: NodeJS.Timeout | undefined;
  let lastFlush = 0;

  const flush = (): Promise<void> => {
    timer = undefined;
    lastFlush = Date.now();
    if (!pending) return writing;
    const text = pending;
    pending = "";
    seq += 1;
    const chunk = { messageId: replyId, conversationId, userId: owner, seq, text };
    writing = writing.then(() => insertReplyChunk(chunk)).catch((error: unknown) => logger().warn({ err: error, replyId: key }, "reply chunk not saved"));
    return writing;
  };

  const beat = async () => {
    const record = await beatReplyStream(replyId).catch(() => undefined);
    // Gone means swept as dead (this process stalled past the limit): the reply is already marked interrupted.
    if (record === null || record?.stopRequestedAt) controller.abort(new Error("stopped"));
  };
  const heartbeat = setInterval(() => void started.then(beat, () => undefined), HEARTBEAT_MS);
  heartbeat.unref();

  return {
    signal: controller.signal,
    append(text) {
      pending += text;
      // A zero wait still goes through the timer, so tokens of the same tick share one chunk.
      timer ??= setTimeout(() => void flush(), Math.max(0, lastFlush + FLUSH_MS - Date.now()));
    },
    async finish() {
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      local.delete(key);
      await flush();
      await started.then(() => endReplyStream(replyId)).catch((error: unknown) => logger().warn({ err: error, replyId: key }, "reply stream record not removed"));
    },
  };
}
