/**
 * How a chat page folds live events into the messages it shows. Pure, so the rules are tested on
 * their own: a chunk extends a streaming reply only when it is the next in sequence (a repeat is
 * dropped, a gap asks for a re-read), a message we do not have asks for a re-read (it may follow a
 * regenerate or an edit that removed others), and a re-read never throws away text a streaming
 * reply already shows beyond what the server's page had.
 */
import type { MessageDTO } from "@/lib/shared/chat/types";
import type { LiveEventData } from "@/lib/shared/live/events";

export const RESYNC = "resync" as const;
export type Merged = MessageDTO[] | typeof RESYNC;

export function applyLiveMessage(messages: MessageDTO[], incoming: MessageDTO): Merged {
  const index = messages.findIndex((message) => message.id === incoming.id);
  if (index < 0) return RESYNC;
  // A streaming reply's text arrives as chunks; its message changes only when it ends.
  if (incoming.status === "streaming") return messages;
  return messages.map((message, i) => (i === index ? incoming : message));
}

export function applyLiveChunk(messages: MessageDTO[], chunk: LiveEventData<"chunk">): Merged {
  const index = messages.findIndex((message) => message.id === chunk.messageId);
  if (index < 0) return RESYNC;
  const reply = messages[index]!;
  if (reply.status !== "streaming") return messages;
  const known = reply.seq ?? 0;
  if (chunk.seq <= known) return messages;
  if (chunk.seq > known + 1) return RESYNC;
  const next = { ...reply, message: reply.message + chunk.text, seq: chunk.seq };
  return messages.map((message, i) => (i === index ? next : message));
}

/**
 * The newest page re-read from the server, over what is shown (older pages the reader scrolled to
 * stay). A page opened in the middle (at a search match) shares no message with the newest page
 * while messages lie between them: gluing them together would hide that gap from the pager that
 * loads newer messages, so the shown messages stay as they are until it reaches the end.
 */
export function mergeLatest(current: MessageDTO[], latest: MessageDTO[], latestHasOlder = false): MessageDTO[] {
  if (latest.length === 0) return [];
  if (latestHasOlder && current.length > 0 && !latest.some((fresh) => current.some((shown) => shown.id === fresh.id))) return current;
  const first = latest[0]!.timestamp;
  const older = current.filter((message) => message.timestamp < first);
  const byId = new Map(current.map((message) => [message.id, message]));
  const merged = latest.map((fresh) => {
    const shown = byId.get(fresh.id);
    const keepShown = shown && fresh.status === "streaming" && shown.status === "streaming" && (shown.seq ?? 0) > (fresh.seq ?? 0);
    return keepShown ? shown : fresh;
  });
  return [...older, ...merged];
}

/** A reply is streaming somewhere (this tab, another tab, another device): Stop is offered. */
export function streamingReply(messages: readonly MessageDTO[]): MessageDTO | undefined {
  return messages.findLast((message) => message.sender === "ai" && message.status === "streaming");
}
