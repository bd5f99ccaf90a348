/**
 * liveNotices: what a change stream cannot say by itself. A delete event carries only the
 * deleted document's _id — not its owner — so it cannot be routed to the owner's tabs without
 * leaking to everyone else's. The services that delete write one small notice per deletion
 * (a conversation, a history cleared, a task or project gone) and the live feed relays its insert.
 * Notices are only needed while they travel: a TTL index removes them.
 */
import "server-only";
import { ObjectId, type Collection, type Filter } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, hotQueriesOf, SAMPLE_OWNER, shape } from "@/lib/server/infra/db/query-shape";
import { ownerForms, type Owner } from "@/models/conversations";

export const LIVE_NOTICES_COLLECTION = "liveNotices";
const NOTICE_TTL_SECONDS = 60 * 60;

export type LiveNoticeKind = "conversation_deleted" | "history_cleared" | "messages_cleared" | "board_changed";

export interface LiveNoticeDoc {
  _id: ObjectId;
  userId: Owner;
  kind: LiveNoticeKind;
  conversationId?: ObjectId;
  projectId?: ObjectId;
  at: Date;
}

export const liveNoticesModel = defineModel({
  collection: LIVE_NOTICES_COLLECTION,
  indexes: [
    { key: { at: 1 }, name: "at_ttl", expireAfterSeconds: NOTICE_TTL_SECONDS },
    { key: { userId: 1 }, name: "userId" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "kind", "at"],
    properties: {
      userId: { bsonType: "objectId" },
      kind: { enum: ["conversation_deleted", "history_cleared", "messages_cleared", "board_changed"] },
      conversationId: { bsonType: "objectId" },
      projectId: { bsonType: "objectId" },
      at: { bsonType: "date" },
    },
  },
});

async function notices(): Promise<Collection<LiveNoticeDoc>> {
  return modelCollection<LiveNoticeDoc>(liveNoticesModel);
}

const deleteOfUser = (owner: Owner) => shape.deleteMany<LiveNoticeDoc>({ userId: { $in: ownerForms(owner) } } as Filter<LiveNoticeDoc>);

export const liveNoticesHotQueries = hotQueriesOf(LIVE_NOTICES_COLLECTION, "models/live-notices.ts", {
  deleteOfUser: ["deleteAllForOwner", deleteOfUser(SAMPLE_OWNER)],
});

export async function insertLiveNotice(notice: Omit<LiveNoticeDoc, "_id" | "at">): Promise<void> {
  await (await notices()).insertOne({ ...notice, _id: new ObjectId(), at: new Date() });
}

/** Account deletion: the notices still travelling. */
export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await notices(), deleteOfUser(owner));
}
