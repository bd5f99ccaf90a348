/**
 * Deletes an account and everything it owns, its sessions included (so every signed-in device is
 * signed out at once) and the API answers it kept for retries. Each model deletes its own
 * documents (`deleteAllForOwner`), matching the owner stored as an ObjectId or as its hex string;
 * this service only knows the order. Adding a model that stores user data means adding its step
 * to OWNER_DELETIONS (and the test checks the list is honoured). Child documents go by their own
 * userId and, for safety, through their parent ids (messages of the user's conversations, tasks of
 * the user's projects).
 */
import "server-only";
import type { ObjectId } from "mongodb";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import * as apiTokens from "@/models/api-tokens";
import * as attachments from "@/models/attachments";
import * as briefs from "@/models/briefs";
import * as conversations from "@/models/conversations";
import * as idempotencyKeys from "@/models/idempotency-keys";
import * as liveNotices from "@/models/live-notices";
import * as messages from "@/models/messages";
import * as projects from "@/models/projects";
import * as replyChunks from "@/models/reply-chunks";
import * as replyStreams from "@/models/reply-streams";
import * as roles from "@/models/roles";
import * as sessions from "@/models/sessions";
import * as shareLinks from "@/models/share-links";
import * as tasks from "@/models/tasks";
import { deleteUser, parseUserId } from "@/models/users";

interface Parents {
  conversationIds: ObjectId[];
  projectIds: ObjectId[];
}

/** Each collection holding user data, in deletion order (children before parents), with its model's delete. */
const OWNER_DELETIONS = [
  // Files (and their GridFS chunks) first: they hang off messages and conversations.
  [attachments.attachmentFilesModel.collection, (owner) => attachments.deleteAllForOwner(owner)],
  [replyStreams.replyStreamsModel.collection, (owner) => replyStreams.deleteAllForOwner(owner)],
  [replyChunks.replyChunksModel.collection, (owner) => replyChunks.deleteAllForOwner(owner)],
  [shareLinks.shareLinksModel.collection, (owner) => shareLinks.deleteAllForOwner(owner)],
  [messages.messagesModel.collection, (owner, parents) => messages.deleteAllForOwner(owner, parents.conversationIds)],
  [conversations.conversationsModel.collection, (owner) => conversations.deleteAllForOwner(owner)],
  [briefs.briefsModel.collection, (owner) => briefs.deleteAllForOwner(owner)],
  [roles.rolesModel.collection, (owner) => roles.deleteAllForOwner(owner)],
  [tasks.tasksModel.collection, (owner, parents) => tasks.deleteAllForOwner(owner, parents.projectIds)],
  [projects.projectsModel.collection, (owner) => projects.deleteAllForOwner(owner)],
  [apiTokens.apiTokensModel.collection, (owner) => apiTokens.deleteAllForOwner(owner)],
  [idempotencyKeys.idempotencyKeysModel.collection, (owner) => idempotencyKeys.deleteAllForOwner(owner)],
  [liveNotices.liveNoticesModel.collection, (owner) => liveNotices.deleteAllForOwner(owner)],
  [sessions.sessionsModel.collection, (owner) => sessions.deleteAllForOwner(owner)],
] as const satisfies readonly (readonly [string, (owner: ObjectId, parents: Parents) => Promise<number>])[];

/** Collections with a `userId` field, in deletion order. */
export const OWNED_COLLECTIONS = OWNER_DELETIONS.map(([collection]) => collection);

/** How many documents went, per collection (and "users"), for the log. */
export type DeletedCounts = Record<string, number>;

export async function deleteUserData(userId: string): Promise<DeletedCounts> {
  const owner = parseUserId(userId);
  if (!owner) throw new Error(`deleteUserData: "${userId}" is not a user id`);
  // Read before anything goes: the children are found through these even without their own userId.
  const parents: Parents = { conversationIds: await conversations.listIdsForOwner(owner), projectIds: await projects.listIdsForOwner(owner) };

  // One transaction: the account and everything it owns go together, or nothing does.
  return inTransaction(async () => {
    const counts = {} as DeletedCounts;
    for (const [collection, deleteAll] of OWNER_DELETIONS) counts[collection] = await deleteAll(owner, parents);
    // The account goes last, so even the order alone never leaves data without its account.
    counts.users = await deleteUser(owner);
    return counts;
  });
}
