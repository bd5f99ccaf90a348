/**
 * roles: roles a user made (built-in roles live in code). A document is a validated Role plus
 * its owner; `id` ("custom-<random>") is unique per owner. Every function takes the owner.
 */
import "server-only";
import { ObjectId, type Collection } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import type { Role } from "@/lib/shared/roles/role-schema";
import type { Owner } from "@/models/conversations";

export type CustomRoleDoc = Role & {
  _id: ObjectId;
  userId: Owner;
  createdAt: Date;
  updatedAt: Date;
};

/** A user's custom roles are listed in full on the catalog page, so their number is bounded. */
export const MAX_CUSTOM_ROLES = 100;

export const rolesModel = defineModel({
  collection: "roles",
  indexes: [
    { key: { userId: 1, updatedAt: -1 }, name: "userId_updatedAt" },
    { key: { userId: 1, id: 1 }, name: "userId_id_unique", unique: true },
    // The data export reads a user's roles in creation order (lib/server/services/account/export-user-data.ts).
    { key: { userId: 1, createdAt: 1, _id: 1 }, name: "userId_createdAt_id" },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "id", "name", "instructions", "fields", "createdAt", "updatedAt"],
    properties: {
      userId: { bsonType: "objectId" },
      id: { bsonType: "string", pattern: "^custom-[a-z0-9-]+$" },
      name: { bsonType: "string", minLength: 1 },
      description: { bsonType: "string" },
      category: { bsonType: "string" },
      icon: { bsonType: "string" },
      instructions: { bsonType: "string" },
      fields: { bsonType: "array" },
      starters: { bsonType: "array" },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
    },
  },
});

async function roles(): Promise<Collection<CustomRoleDoc>> {
  return modelCollection<CustomRoleDoc>(rolesModel);
}

/** The role without storage fields. */
export function roleOf(doc: CustomRoleDoc): Role {
  const role: Partial<CustomRoleDoc> = { ...doc };
  delete role._id;
  delete role.userId;
  delete role.createdAt;
  delete role.updatedAt;
  return role as Role;
}

export async function insertCustomRole(owner: Owner, role: Role): Promise<CustomRoleDoc> {
  const now = new Date();
  const doc = { ...role, _id: new ObjectId(), userId: owner, createdAt: now, updatedAt: now } as CustomRoleDoc;
  await (await roles()).insertOne(doc);
  return doc;
}

/** Replaces the role's content (its id, owner and createdAt stay). False when the owner has no such role. */
export async function updateCustomRole(owner: Owner, id: string, role: Role): Promise<boolean> {
  const collection = await roles();
  const existing = await collection.findOne({ userId: owner, id }, { projection: { _id: 1, createdAt: 1 } });
  if (!existing) return false;
  const replacement = { ...role, id, userId: owner, createdAt: existing.createdAt, updatedAt: new Date() };
  const result = await collection.replaceOne({ _id: existing._id, userId: owner }, replacement);
  return result.matchedCount === 1;
}

export async function findCustomRole(owner: Owner, id: string): Promise<CustomRoleDoc | null> {
  return (await roles()).findOne({ userId: owner, id });
}

export async function listCustomRoles(owner: Owner): Promise<CustomRoleDoc[]> {
  return (await roles()).find({ userId: owner }).sort({ updatedAt: -1 }).limit(MAX_CUSTOM_ROLES).toArray();
}

export async function countCustomRoles(owner: Owner): Promise<number> {
  return (await roles()).countDocuments({ userId: owner });
}

export async function deleteCustomRole(owner: Owner, id: string): Promise<boolean> {
  return (await (await roles()).deleteOne({ userId: owner, id })).deletedCount === 1;
}
