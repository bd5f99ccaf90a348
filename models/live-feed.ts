/**
 * The app's one change stream: a database-level `watch()` filtered to the collections whose
 * changes a page shows, opened once per server process by the live hub
 * (lib/server/services/live/hub.ts) and shared by every listener. Heartbeats are filtered out on
 * the server; of replyStreams only a Stop request passes. `updateLookup` gives updates their
 * document, so every event carries the owner it is routed by.
 */
import "server-only";
import type { ChangeStream, ChangeStreamDocument, Document, ResumeToken } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { CONVERSATIONS_COLLECTION } from "@/models/conversations-queries";
import { MESSAGES_COLLECTION } from "@/models/messages-queries";
import { REPLY_CHUNKS_COLLECTION } from "@/models/reply-chunks";
import { REPLY_STREAMS_COLLECTION } from "@/models/reply-streams";
import { LIVE_NOTICES_COLLECTION } from "@/models/live-notices";
import { projectsModel } from "@/models/projects";
import { tasksModel } from "@/models/tasks";

export const FOLLOWED_COLLECTIONS = [
  MESSAGES_COLLECTION,
  REPLY_CHUNKS_COLLECTION,
  CONVERSATIONS_COLLECTION,
  projectsModel.collection,
  tasksModel.collection,
  LIVE_NOTICES_COLLECTION,
] as const;

export type FeedChange = ChangeStreamDocument<Document>;

export function feedPipeline(): Document[] {
  return [
    {
      $match: {
        $or: [
          { "ns.coll": { $in: [...FOLLOWED_COLLECTIONS] }, operationType: { $in: ["insert", "update", "replace"] } },
          { "ns.coll": REPLY_STREAMS_COLLECTION, operationType: "update", "updateDescription.updatedFields.stopRequestedAt": { $exists: true } },
        ],
      },
    },
  ];
}

/** Opens the feed, after `resumeAfter` when given (a restart of the hub's own stream). */
export async function openLiveFeed(resumeAfter?: ResumeToken): Promise<ChangeStream<Document, FeedChange>> {
  const db = await getDb();
  return db.watch<Document, FeedChange>(feedPipeline(), {
    fullDocument: "updateLookup",
    // getMore waits this long for news before answering empty: one idle round trip a second.
    maxAwaitTimeMS: 1_000,
    ...(resumeAfter ? { resumeAfter } : {}),
  });
}
