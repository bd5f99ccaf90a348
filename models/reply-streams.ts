/**
 * replyStreams: one record per reply while it streams (its _id is the reply message's id). The
 * streaming instance pushes `heartbeatAt` forward and, in the same write, reads `stopRequestedAt`
 * (set by Stop in any tab, on any instance); a record whose heartbeat stopped is one whose
 * instance died, and the sweeper claims it (one conditional delete, so one sweeper wins) and
 * marks the reply interrupted. The record is deleted when the reply ends.
 */
import "server-only";
import type { Collection, Filter, ObjectId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, findWith, hotQueriesOf, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

export const REPLY_STREAMS_COLLECTION = "replyStreams";
const SWEEP_BATCH = 100;

export interface ReplyStreamDoc {
  /** The reply message's _id. */
  _id: ObjectId;
  conversationId: ObjectId;
  userId: Owner;
  /** Always "streaming" (the record goes when the reply ends); the sweeper's index leads with it. */
  state: "streaming";
  /** Which server process streams it (for logs and operators). */
  instance: string;
  startedAt: Date;
  heartbeatAt: Date;
  stopRequestedAt?: Date;
}

export const replyStreamsModel = defineModel({
  collection: REPLY_STREAMS_COLLECTION,
  indexes: [
    { key: { state: 1, heartbeatAt: 1 }, name: "state_heartbeatAt" },
    { key: { userId: 1 }, name: "userId" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["conversationId", "userId", "state", "instance", "startedAt", "heartbeatAt"],
    properties: {
      conversationId: { bsonType: "objectId" },
      userId: { bsonType: "objectId" },
      state: { enum: ["streaming"] },
      instance: { bsonType: "string" },
      startedAt: { bsonType: "date" },
      heartbeatAt: { bsonType: "date" },
      stopRequestedAt: { bsonType: "date" },
    },
  },
});

async function streams(): Promise<Collection<ReplyStreamDoc>> {
  return modelCollection<ReplyStreamDoc>(replyStreamsModel);
}

export const replyStreamQueries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<ReplyStreamDoc>({ filter: { _id: id, userId: owner } }),
  /** A conversation's streaming replies (one, bar a race of two sends); the userId index serves it. */
  ofConversation: (owner: Owner, conversationId: ObjectId) =>
    shape.find<ReplyStreamDoc>({ filter: { userId: owner, conversationId }, limit: SWEEP_BATCH }),
  beat: (id: ObjectId, at: Date) => shape.modify<ReplyStreamDoc>({ filter: { _id: id }, update: { $set: { heartbeatAt: at } } }),
  requestStop: (owner: Owner, id: ObjectId, at: Date) =>
    shape.update<ReplyStreamDoc>({ filter: { _id: id, userId: owner }, update: { $set: { stopRequestedAt: at } } }),
  end: (id: ObjectId) => shape.deleteOne<ReplyStreamDoc>({ _id: id }),
  stale: (before: Date) => shape.find<ReplyStreamDoc>({ filter: { state: "streaming", heartbeatAt: { $lt: before } }, limit: SWEEP_BATCH }),
  /** Only a record still stale is claimed: a late heartbeat keeps its reply alive. */
  claimStale: (id: ObjectId, before: Date) => shape.modify<ReplyStreamDoc>({ filter: { _id: id, heartbeatAt: { $lt: before } }, remove: true }),
  deleteOfUser: (owner: Owner) => shape.deleteMany<ReplyStreamDoc>({ userId: { $in: ownerForms(owner) } } as Filter<ReplyStreamDoc>),
};

const id = sampleId(3);
const rq = replyStreamQueries;
export const replyStreamsHotQueries = hotQueriesOf(REPLY_STREAMS_COLLECTION, "models/reply-streams.ts", {
  find: ["findReplyStream", rq.find(SAMPLE_OWNER, id)],
  ofConversation: ["listConversationReplyStreams", rq.ofConversation(SAMPLE_OWNER, sampleId(4))],
  beat: ["beatReplyStream", rq.beat(id, SAMPLE_DATE)],
  requestStop: ["requestReplyStop", rq.requestStop(SAMPLE_OWNER, id, SAMPLE_DATE)],
  end: ["endReplyStream", rq.end(id)],
  stale: ["listStaleReplyStreams", rq.stale(SAMPLE_DATE)],
  claimStale: ["claimStaleReplyStream", rq.claimStale(id, SAMPLE_DATE)],
  deleteOfUser: ["deleteAllForOwner", rq.deleteOfUser(SAMPLE_OWNER)],
});

export async function startReplyStream(doc: Omit<ReplyStreamDoc, "state" | "startedAt" | "heartbeatAt">): Promise<void> {
  const now = new Date();
  await (await streams()).insertOne({ ...doc, state: "streaming", startedAt: now, heartbeatAt: now });
}

export async function findReplyStream(owner: Owner, id: ObjectId): Promise<ReplyStreamDoc | null> {
  return findOneWith(await streams(), rq.find(owner, id));
}

export async function listConversationReplyStreams(owner: Owner, conversationId: ObjectId): Promise<ReplyStreamDoc[]> {
  return findWith(await streams(), rq.ofConversation(owner, conversationId)).toArray();
}

/** Pushes the heartbeat on and returns the record (null once it is gone: swept or ended). */
export async function beatReplyStream(id: ObjectId, at = new Date()): Promise<ReplyStreamDoc | null> {
  return modifyWith(await streams(), rq.beat(id, at));
}

/** Records Stop for the owner's streaming reply; false when it is not streaming (or not theirs). */
export async function requestReplyStop(owner: Owner, id: ObjectId): Promise<boolean> {
  return (await updateWith(await streams(), rq.requestStop(owner, id, new Date()))).matchedCount === 1;
}

export async function endReplyStream(id: ObjectId): Promise<void> {
  await deleteWith(await streams(), rq.end(id));
}

export async function listStaleReplyStreams(before: Date): Promise<ReplyStreamDoc[]> {
  return findWith(await streams(), rq.stale(before)).toArray();
}

export async function claimStaleReplyStream(id: ObjectId, before: Date): Promise<ReplyStreamDoc | null> {
  return modifyWith(await streams(), rq.claimStale(id, before));
}

/** Account deletion: the records of the owner's streaming replies. */
export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await streams(), rq.deleteOfUser(owner));
}
