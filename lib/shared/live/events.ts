/**
 * What the live event streams carry (the app's pages and /api/v1's `events` endpoints alike), as
 * zod schemas so the OpenAPI document and the TypeScript types come from one place. Each event is
 * one server-sent event: `event:` is its `type`, `data:` the rest as JSON, `id:` an opaque
 * position to send back as `Last-Event-ID` on reconnect.
 */
import { z } from "zod";
import { conversationSummarySchema, messageSchema } from "@/lib/shared/api/chat";

const id = z.string();

export const liveEventSchemas = {
  /** A message was written or changed (a new turn, a reply's final state, a proposal decided). */
  message: z.object({ conversationId: id, message: messageSchema }).meta({ id: "LiveMessageEvent" }),
  /** The next piece of a streaming reply; `seq` is 1, 2, 3, … per reply. */
  chunk: z.object({ conversationId: id, messageId: id, seq: z.number().int().min(1), text: z.string() }).meta({ id: "LiveChunkEvent" }),
  /** A conversation was started, renamed or got a new message (the sidebar's row). */
  conversation: z.object({ conversation: conversationSummarySchema }).meta({ id: "LiveConversationEvent" }),
  /** Conversations or messages were deleted: one conversation, its messages only (`cleared`), or all of them (`all`). */
  removed: z
    .object({ scope: z.enum(["conversation", "cleared", "all"]), conversationId: id.optional() })
    .meta({ id: "LiveRemovedEvent" }),
  /** A project or its tasks changed (added, moved, completed, deleted). */
  board: z.object({ projectId: id.optional() }).meta({ id: "LiveBoardEvent" }),
  /** The stream could not resume from `Last-Event-ID` (too old, unknown, or the server restarted its feed): re-read the state. */
  reset: z.object({ reason: z.enum(["history_lost", "overflow"]) }).meta({ id: "LiveResetEvent" }),
} as const;

export type LiveEventType = keyof typeof liveEventSchemas;
export type LiveEventData<T extends LiveEventType> = z.infer<(typeof liveEventSchemas)[T]>;
export type LiveEvent = { [T in LiveEventType]: { type: T; data: LiveEventData<T> } }[LiveEventType];

export const LIVE_EVENT_TYPES = Object.keys(liveEventSchemas) as LiveEventType[];
