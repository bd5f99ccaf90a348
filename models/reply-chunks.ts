/**
 * replyChunks: a streaming reply's text as it arrives, append-only — one small insert per batch of
 * tokens with an increasing `seq`, never a rewrite of the whole text. A reader that reloads (or a
 * second tab, or another instance) reads "the reply so far" by sequence and then follows the
 * inserts on the change stream; `seq` lets it drop what it already has and see what it missed.
 * The finished text lives on the message itself, so chunks are only needed while a reply streams
 * and for a short while after: a TTL index removes them.
 */
import "server-only";
import type { Collection, Filter, ObjectId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findWith, hotQueriesOf, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

export const REPLY_CHUNKS_COLLECTION = "replyChunks";
/** Long enough for any reader still catching up on a reply that just finished. */
const CHUNK_TTL_SECONDS = 60 * 60;
/** A reply of 100k characters in ~100-character batches stays inside one read. */
const MAX_CHUNKS_PER_READ = 2_000;

export interface ReplyChunkDoc {
  _id: ObjectId;
  messageId: ObjectId;
  conversationId: ObjectId;
  userId: Owner;
  /** 1, 2, 3, … per reply, without gaps. */
  seq: number;
  text: string;
  at: Date;
}

export const replyChunksModel = defineModel({
  collection: REPLY_CHUNKS_COLLECTION,
  indexes: [
    // The unique key makes a duplicated write (a retried insert) impossible to show twice.
    { key: { messageId: 1, seq: 1 }, name: "messageId_seq", unique: true },
    { key: { at: 1 }, name: "at_ttl", expireAfterSeconds: CHUNK_TTL_SECONDS },
    { key: { userId: 1 }, name: "userId" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["messageId", "conversationId", "userId", "seq", "text", "at"],
    properties: {
      messageId: { bsonType: "objectId" },
      conversationId: { bsonType: "objectId" },
      userId: { bsonType: "objectId" },
      seq: { bsonType: ["int", "long", "double"], minimum: 1 },
      text: { bsonType: "string" },
      at: { bsonType: "date" },
    },
  },
});

async function chunks(): Promise<Collection<ReplyChunkDoc>> {
  return modelCollection<ReplyChunkDoc>(replyChunksModel);
}

export const replyChunkQueries = {
  /** The chunks after `afterSeq`, in order: "the reply so far", or what a reader missed. */
  after: (owner: Owner, messageId: ObjectId, afterSeq: number) =>
    shape.find<ReplyChunkDoc>({ filter: { messageId, userId: owner, seq: { $gt: afterSeq } }, sort: { seq: 1 }, limit: MAX_CHUNKS_PER_READ }),
  deleteOfUser: (owner: Owner) => shape.deleteMany<ReplyChunkDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ReplyChunkDoc>),
};

export const replyChunksHotQueries = hotQueriesOf(REPLY_CHUNKS_COLLECTION, "models/reply-chunks.ts", {
  after: ["listReplyChunks", replyChunkQueries.after(SAMPLE_OWNER, sampleId(3), 0)],
  deleteOfUser: ["deleteAllForOwner", replyChunkQueries.deleteOfUser(SAMPLE_OWNER)],
});

export async function insertReplyChunk(chunk: Omit<ReplyChunkDoc, "_id" | "at">): Promise<void> {
  await (await chunks()).insertOne({ ...chunk, at: new Date() } as ReplyChunkDoc);
}

export async function listReplyChunks(owner: Owner, messageId: ObjectId, afterSeq = 0): Promise<ReplyChunkDoc[]> {
  return findWith(await chunks(), replyChunkQueries.after(owner, messageId, afterSeq)).toArray();
}

/** Account deletion: every chunk of the owner's replies. */
export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await chunks(), replyChunkQueries.deleteOfUser(owner));
}
