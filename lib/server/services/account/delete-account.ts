/**
 * Deletes an account and everything it owns, its sessions included (so every signed-in device is
 * signed out at once) and the API answers it kept for retries. A service, not infrastructure: it
 * knows the app's collections. Collections are listed here explicitly, so adding a model that
 * stores user data means adding it to OWNED_COLLECTIONS (and the test checks the list is honoured).
 * Child documents are removed by their own userId and, for safety, through their parent ids
 * (messages of the user's conversations, tasks of the user's projects).
 */
import "server-only";
import { ObjectId, type Db, type Filter, type Document } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { parseUserId } from "@/models/users";

/** Collections with a `userId` field, in deletion order (children before parents). */
export const OWNED_COLLECTIONS = ["messages", "conversations", "briefs", "roles", "tasks", "projects", "apiTokens", "idempotencyKeys", "sessions"] as const;

export type DeletedCounts = Record<(typeof OWNED_COLLECTIONS)[number] | "users", number>;

async function idsOwnedBy(db: Db, collection: string, owner: Filter<Document>): Promise<ObjectId[]> {
  const docs = await db.collection(collection).find(owner, { projection: { _id: 1 } }).toArray();
  return docs.map((doc) => doc._id as ObjectId);
}

export async function deleteUserData(userId: string, db?: Db): Promise<DeletedCounts> {
  const _id = parseUserId(userId);
  if (!_id) throw new Error(`deleteUserData: "${userId}" is not a user id`);
  const database = db ?? (await getDb());
  // Other models may store the owner as an ObjectId or as its hex string; match both.
  const owner: Filter<Document> = { userId: { $in: [_id, _id.toHexString()] } };

  const conversationIds = await idsOwnedBy(database, "conversations", owner);
  const projectIds = await idsOwnedBy(database, "projects", owner);
  const byParent: Partial<Record<string, Filter<Document>>> = {
    messages: { conversationId: { $in: [...conversationIds, ...conversationIds.map((id) => id.toHexString())] } },
    tasks: { projectId: { $in: [...projectIds, ...projectIds.map((id) => id.toHexString())] } },
  };

  const counts = {} as DeletedCounts;
  for (const name of OWNED_COLLECTIONS) {
    const parent = byParent[name];
    const filter = parent ? { $or: [owner, parent] } : owner;
    counts[name] = (await database.collection(name).deleteMany(filter)).deletedCount;
  }
  // The account goes last: if anything above fails, the user can still sign in and retry.
  counts.users = (await database.collection("users").deleteOne({ _id })).deletedCount;
  return counts;
}
