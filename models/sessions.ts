/**
 * sessions: one document per signed-in device. The session cookie (a next-auth JWT) carries only
 * the session id; this record decides whether it still works, so signing out, changing the
 * password or deleting the account ends a session at once. A TTL index removes idle sessions;
 * activity pushes `expiresAt` forward, but only once per SESSION_TOUCH_INTERVAL_MS (not a write
 * per request).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Collection, Filter, ObjectId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, findWith, hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { ownerForms } from "@/models/conversations";
import { parseUserId, toPublicUser, userQueries, usersCollection, type PublicUser } from "@/models/users";

/** An idle session ends this long after it was last seen; an active one keeps sliding. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt/expiresAt are refreshed at most this often per session. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;
/** Bounds the devices list (and what one account can pile up). */
export const MAX_LISTED_SESSIONS = 50;

export interface SessionDoc {
  /** 32 random bytes, base64url: unguessable, and only ever inside the signed cookie. */
  _id: string;
  userId: ObjectId;
  /** Coarse, e.g. "Chrome on Android" — never the raw user agent. */
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionInfo {
  id: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export const sessionsModel = defineModel({
  collection: "sessions",
  indexes: [
    { key: { expiresAt: 1 }, name: "expiresAt_ttl", expireAfterSeconds: 0 },
    { key: { userId: 1, lastSeenAt: -1 }, name: "userId_lastSeenAt" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["_id", "userId", "device", "createdAt", "lastSeenAt", "expiresAt"],
    properties: {
      _id: { bsonType: "string", minLength: 32, maxLength: 64 },
      userId: { bsonType: "objectId" },
      device: { bsonType: "string", maxLength: 80 },
      createdAt: { bsonType: "date" },
      lastSeenAt: { bsonType: "date" },
      expiresAt: { bsonType: "date" },
    },
  },
});

async function sessions(): Promise<Collection<SessionDoc>> {
  return modelCollection<SessionDoc>(sessionsModel);
}

export const sessionQueries = {
  /** Not ended, not expired (the TTL monitor runs only once a minute), and this user's. */
  findLive: (id: string, userId: ObjectId, now: Date) => shape.findOne<SessionDoc>({ filter: { _id: id, userId, expiresAt: { $gt: now } } }),
  touch: (id: string, now: Date) =>
    shape.update<SessionDoc>({ filter: { _id: id }, update: { $set: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) } } }),
  list: (userId: ObjectId, now: Date) =>
    shape.find<SessionDoc>({ filter: { userId, expiresAt: { $gt: now } }, sort: { lastSeenAt: -1 }, limit: MAX_LISTED_SESSIONS }),
  delete: (userId: ObjectId, id: string) => shape.deleteOne<SessionDoc>({ _id: id, userId }),
  deleteOthers: (userId: ObjectId, keepId?: string) => shape.deleteMany<SessionDoc>(keepId ? { userId, _id: { $ne: keepId } } : { userId }),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (userId: ObjectId) => shape.deleteMany<SessionDoc>({ userId: { $in: ownerForms(userId) } } as Filter<SessionDoc>),
};

/** A session id: 32 random bytes, base64url (43 characters). */
const sampleSessionId = "c2Vzc2lvbi1pZC1zYW1wbGUtdmFsdWUtMzItYnl0ZXM";

// findLiveSession runs on every signed-in request (its user read is users.byId); the chat reply's
// findLiveSessionOwner runs the same session read without the user.
export const sessionsHotQueries = hotQueriesOf(sessionsModel.collection, "models/sessions.ts", {
  findLive: ["findLiveSession", sessionQueries.findLive(sampleSessionId, SAMPLE_OWNER, SAMPLE_DATE)],
  findLiveOwner: ["findLiveSessionOwner", sessionQueries.findLive(sampleSessionId, SAMPLE_OWNER, SAMPLE_DATE)],
  touch: ["findLiveSession", sessionQueries.touch(sampleSessionId, SAMPLE_DATE)],
  list: ["listSessions", sessionQueries.list(SAMPLE_OWNER, SAMPLE_DATE)],
  delete: ["deleteSession", sessionQueries.delete(SAMPLE_OWNER, sampleSessionId)],
  deleteOthers: ["deleteOtherSessions", sessionQueries.deleteOthers(SAMPLE_OWNER, sampleSessionId)],
  deleteAllOfUser: ["deleteOtherSessions", sessionQueries.deleteOthers(SAMPLE_OWNER)],
  deleteOfUser: ["deleteAllForOwner", sessionQueries.deleteOfUser(SAMPLE_OWNER)],
});

function toSessionInfo(doc: SessionDoc): SessionInfo {
  return { id: doc._id, device: doc.device, createdAt: doc.createdAt, lastSeenAt: doc.lastSeenAt };
}

export async function createSession(userId: ObjectId, device: string, now: Date = new Date()): Promise<string> {
  const _id = randomBytes(32).toString("base64url");
  await (await sessions()).insertOne({
    _id,
    userId,
    device: device.slice(0, 80),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  return _id;
}

export interface LiveSession {
  session: SessionInfo;
  user: PublicUser;
}

/**
 * The live session and its account, or null when the session was ended, has expired (the TTL
 * monitor runs only once a minute, so expiry is checked here too), belongs to someone else, or
 * the account is gone. Two point reads by _id, sent together (the cookie names the user as well
 * as the session), so the check costs one round trip — and an index on any server ($lookup would
 * do it in one read on MongoDB, but the embedded server answers it with a collection scan:
 * 63 ms against 8 ms with 1,000 users). Touches the session when it was last seen long ago.
 */
export async function findLiveSession(id: string, userId: string, now: Date = new Date()): Promise<LiveSession | null> {
  const owner = sessionOwner(id, userId);
  if (!owner) return null;
  const collection = await sessions();
  const [row, user] = await Promise.all([
    findOneWith(collection, sessionQueries.findLive(id, owner, now)),
    findOneWith(await usersCollection(), userQueries.byId(owner)),
  ]);
  if (!row || !user) return null;
  await touchIfStale(collection, row, now);
  return { session: toSessionInfo(row), user: toPublicUser(user) };
}

/**
 * The owner of a live session, or null — findLiveSession without the account: one point read,
 * for the routes that need only who is asking (the chat reply). Sound because an account is never
 * gone while its sessions live: deleting it removes its sessions in the same transaction
 * (lib/server/services/account/delete-account.ts), and a password change ends the others.
 * Touches the session like findLiveSession.
 */
export async function findLiveSessionOwner(id: string, userId: string, now: Date = new Date()): Promise<ObjectId | null> {
  const owner = sessionOwner(id, userId);
  if (!owner) return null;
  const collection = await sessions();
  const row = await findOneWith(collection, sessionQueries.findLive(id, owner, now));
  if (!row) return null;
  await touchIfStale(collection, row, now);
  return owner;
}

/** The cookie's user id as an owner, or null when it or the session id cannot be one of ours. */
function sessionOwner(id: string, userId: string): ObjectId | null {
  const owner = parseUserId(userId);
  return owner && typeof id === "string" && id.length >= 32 && id.length <= 64 ? owner : null;
}

/** Slides the session's lastSeenAt, at most once per SESSION_TOUCH_INTERVAL_MS. */
async function touchIfStale(collection: Awaited<ReturnType<typeof sessions>>, row: Pick<SessionDoc, "_id" | "lastSeenAt">, now: Date): Promise<void> {
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await updateWith(collection, sessionQueries.touch(row._id, now));
  }
}

/** The user's signed-in devices, most recently seen first. */
export async function listSessions(userId: ObjectId, now: Date = new Date()): Promise<SessionInfo[]> {
  const docs = await findWith(await sessions(), sessionQueries.list(userId, now)).toArray();
  return docs.map(toSessionInfo);
}

/** Ends one session of this user (another user's session id matches nothing). */
export async function deleteSession(userId: ObjectId, id: string): Promise<boolean> {
  return (await deleteWith(await sessions(), sessionQueries.delete(userId, id))) === 1;
}

/** Ends every session of the user except `keepId` (none kept when omitted). */
export async function deleteOtherSessions(userId: ObjectId, keepId?: string): Promise<number> {
  return deleteWith(await sessions(), sessionQueries.deleteOthers(userId, keepId));
}

/** Account deletion: every session of the account, so each signed-in device is signed out at once. */
export async function deleteAllForOwner(userId: ObjectId): Promise<number> {
  return deleteWith(await sessions(), sessionQueries.deleteOfUser(userId));
}
