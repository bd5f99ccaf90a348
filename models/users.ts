/**
 * users: accounts. The password hash never leaves this module except through
 * `findUserForSignIn` (used only by the credential check); everything else returns PublicUser.
 */
import "server-only";
import bcrypt from "bcryptjs";
import { MongoServerError, ObjectId, type Collection, type Document } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { deleteWith, findOneWith, hotQueriesOf, SAMPLE_DATE, SAMPLE_OWNER, shape, updateWith } from "@/lib/server/infra/db/query-shape";
import { getEnv } from "@/lib/server/infra/env";
import { AppError } from "@/lib/shared/errors";
import type { RegisterInput } from "@/lib/shared/auth/schemas";

export interface UserDoc {
  _id: ObjectId;
  username: string;
  email: string;
  passwordHash: string;
  name?: string;
  lastLogin: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the app may show or send: never the hash. */
export interface PublicUser {
  id: string;
  username: string;
  email: string;
  name?: string;
  lastLogin: Date | null;
  createdAt: Date;
}

export const usersModel = defineModel({
  collection: "users",
  indexes: [
    { key: { username: 1 }, name: "username_unique", unique: true },
    { key: { email: 1 }, name: "email_unique", unique: true },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["username", "email", "passwordHash", "createdAt", "updatedAt"],
    properties: {
      username: { bsonType: "string", pattern: "^[a-z0-9_-]{3,32}$" },
      email: { bsonType: "string", minLength: 3, maxLength: 254 },
      passwordHash: { bsonType: "string", minLength: 20 },
      name: { bsonType: "string", maxLength: 80 },
      lastLogin: { bsonType: ["date", "null"] },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
    },
  },
});

export async function usersCollection(): Promise<Collection<UserDoc>> {
  return modelCollection<UserDoc>(usersModel);
}

/** Every query this module (and sessions.ts, for the user of a live session) sends. */
export const userQueries = {
  /** `identifier` is already trimmed and lower-cased. */
  signIn: (identifier: string) => shape.findOne<UserDoc>({ filter: identifier.includes("@") ? { email: identifier } : { username: identifier } }),
  byId: (_id: ObjectId) => shape.findOne<UserDoc>({ filter: { _id } }),
  passwordHash: (_id: ObjectId) => shape.findOne<UserDoc>({ filter: { _id }, projection: { passwordHash: 1 } }),
  update: (_id: ObjectId, set: Partial<UserDoc>) => shape.update<UserDoc>({ filter: { _id }, update: { $set: set } }),
  /** The data export leaves the secrets in the database. */
  exportProfile: (_id: ObjectId) => shape.findOne<UserDoc>({ filter: { _id }, projection: { passwordHash: 0, credentialVersion: 0 } }),
  delete: (_id: ObjectId) => shape.deleteOne<UserDoc>({ _id }),
};

export const usersHotQueries = hotQueriesOf(usersModel.collection, "models/users.ts", {
  byEmail: ["findUserForSignIn", userQueries.signIn("ada@example.com")],
  byUsername: ["findUserForSignIn", userQueries.signIn("ada")],
  byId: ["getUserById", userQueries.byId(SAMPLE_OWNER)],
  passwordHash: ["verifyUserPassword", userQueries.passwordHash(SAMPLE_OWNER)],
  recordSignIn: ["recordSignIn", userQueries.update(SAMPLE_OWNER, { lastLogin: SAMPLE_DATE })],
  setPassword: ["setUserPassword", userQueries.update(SAMPLE_OWNER, { passwordHash: "x", updatedAt: SAMPLE_DATE })],
  exportProfile: ["readUserForExport", userQueries.exportProfile(SAMPLE_OWNER)],
  delete: ["deleteUser", userQueries.delete(SAMPLE_OWNER)],
});

export function toPublicUser(doc: UserDoc): PublicUser {
  return {
    id: doc._id.toHexString(),
    username: doc.username,
    email: doc.email,
    ...(doc.name ? { name: doc.name } : {}),
    lastLogin: doc.lastLogin ?? null,
    createdAt: doc.createdAt,
  };
}

export function bcryptCost(): number {
  return getEnv().TEST_BCRYPT_COST ?? 12;
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, bcryptCost());
}

/** Parses a user id; a malformed id is simply "no such user". */
export function parseUserId(id: string): ObjectId | null {
  return typeof id === "string" && /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : null;
}

const DUPLICATE_KEY = 11000;

/** Maps a unique-index violation to the form field it belongs to. */
function duplicateField(error: MongoServerError): "username" | "email" | null {
  const keys = Object.keys((error.keyPattern as object | undefined) ?? (error.keyValue as object | undefined) ?? {});
  if (keys.includes("username")) return "username";
  if (keys.includes("email")) return "email";
  // Servers that omit keyPattern still name the index in the message.
  if (/username/.test(error.message)) return "username";
  if (/email/.test(error.message)) return "email";
  return null;
}

/** Inserts a user. A taken username/email comes back from the unique index, not a pre-check. */
export async function createUser(input: RegisterInput): Promise<PublicUser> {
  const now = new Date();
  const doc: UserDoc = {
    _id: new ObjectId(),
    username: input.username,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    ...(input.name ? { name: input.name } : {}),
    lastLogin: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await (await usersCollection()).insertOne(doc);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
      const field = duplicateField(error);
      if (field === "username") {
        throw new AppError("conflict:username", "This username is already taken.", {
          fields: { username: ["This username is already taken."] },
        });
      }
      throw new AppError("conflict:email", "An account with this email already exists.", {
        fields: { email: ["An account with this email already exists."] },
      });
    }
    throw error;
  }
  return toPublicUser(doc);
}

/** The full document, hash included, for the credential check only. */
export async function findUserForSignIn(identifier: string): Promise<UserDoc | null> {
  const normalized = identifier.trim().toLowerCase();
  return findOneWith(await usersCollection(), userQueries.signIn(normalized));
}

export async function getUserById(id: string): Promise<PublicUser | null> {
  const _id = parseUserId(id);
  if (!_id) return null;
  const doc = await findOneWith(await usersCollection(), userQueries.byId(_id));
  return doc ? toPublicUser(doc) : null;
}

export async function recordSignIn(id: ObjectId, at: Date = new Date()): Promise<void> {
  await updateWith(await usersCollection(), userQueries.update(id, { lastLogin: at }));
}

/** Checks a user's current password (false for unknown users). */
export async function verifyUserPassword(id: string, password: string): Promise<boolean> {
  const _id = parseUserId(id);
  if (!_id) return false;
  const doc = await findOneWith(await usersCollection(), userQueries.passwordHash(_id));
  return doc ? bcrypt.compare(password, doc.passwordHash) : false;
}

/** Sets a new password. Ending the other sessions is the caller's (lib/account) step. */
export async function setUserPassword(id: string, newPassword: string): Promise<void> {
  const _id = parseUserId(id);
  if (!_id) throw new AppError("not_found:user");
  const result = await updateWith(await usersCollection(), userQueries.update(_id, { passwordHash: await hashPassword(newPassword), updatedAt: new Date() }));
  if (result.matchedCount === 0) throw new AppError("not_found:user");
}

/** The data export's profile: the account without its secrets. */
export async function readUserForExport(_id: ObjectId): Promise<Document | null> {
  return findOneWith(await usersCollection(), userQueries.exportProfile(_id));
}

/** Account deletion's last step; 1 when the account was there. */
export async function deleteUser(_id: ObjectId): Promise<number> {
  return deleteWith(await usersCollection(), userQueries.delete(_id));
}
