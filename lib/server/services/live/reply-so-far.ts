/**
 * "The reply so far": a streaming reply's message holds no text until it ends, so whoever shows
 * it mid-stream (a reload, a second tab, the API) reads its chunks by sequence. The DTO then says
 * up to which `seq` its text goes, so the reader can append what follows on the live stream and
 * drop what it already has.
 */
import "server-only";
import { ObjectId } from "mongodb";
import type { MessageDTO } from "@/lib/shared/chat/types";
import type { Owner } from "@/models/conversations";
import { listReplyChunks, type ReplyChunkDoc } from "@/models/reply-chunks";
import { findReplyStream } from "@/models/reply-streams";

export interface ReplySoFar {
  text: string;
  seq: number;
}

export function joinChunks(chunks: readonly Pick<ReplyChunkDoc, "seq" | "text">[], from: ReplySoFar = { text: "", seq: 0 }): ReplySoFar {
  let { text, seq } = from;
  // Only the next sequence number extends the text: a duplicate or a gap never garbles it.
  for (const chunk of chunks) {
    if (chunk.seq !== seq + 1) continue;
    text += chunk.text;
    seq = chunk.seq;
  }
  return { text, seq };
}

export async function readReplySoFar(owner: Owner, replyId: ObjectId, after: ReplySoFar = { text: "", seq: 0 }): Promise<ReplySoFar> {
  return joinChunks(await listReplyChunks(owner, replyId, after.seq), after);
}

/**
 * A reply left "streaming" with no stream record, past the time a new reply takes to write its
 * record, was written before replies kept records (or by a process killed between the two
 * writes): nothing will ever finish it, so it reads as interrupted (Retry) rather than locking
 * the composer behind a reply that never ends.
 */
const ORPHAN_AFTER_MS = 60_000;

/** Fills in the text so far of each streaming AI reply in a page of messages. */
export async function withReplySoFar(owner: Owner, messages: MessageDTO[]): Promise<MessageDTO[]> {
  return Promise.all(
    messages.map(async (message) => {
      if (message.status !== "streaming" || message.sender !== "ai") return message;
      const id = new ObjectId(message.id);
      const [soFar, record] = await Promise.all([readReplySoFar(owner, id), findReplyStream(owner, id)]);
      if (!record && Date.now() - Date.parse(message.timestamp) > ORPHAN_AFTER_MS) {
        return { ...message, message: soFar.text || message.message, status: "error", errorCode: "interrupted" };
      }
      return { ...message, message: soFar.text, seq: soFar.seq };
    }),
  );
}
