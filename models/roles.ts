/**
 * roles: roles a user made (built-in roles live in code). A document is a validated Role plus
 * its owner; `id` ("custom-<random>") is unique per owner. Every function takes the owner.
 */
import "server-only";
import { ObjectId, type Collection, type Filter, type FindCursor, type WithId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { countWith, deleteWith, findOneWith, findWith, hotQueriesOf, replaceWith, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import type { Role } from "@/lib/shared/roles/role-schema";
import { ownerForms, type Owner } from "@/models/conversations";

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

const ofId = (owner: Owner, id: string) => ({ userId: owner, id });

export const roleQueries = {
  find: (owner: Owner, id: string, projection?: Record<string, 1>) => shape.findOne<CustomRoleDoc>({ filter: ofId(owner, id), ...(projection && { projection }) }),
  /** A whole-document replacement (no operators): replaceOne. */
  replace: (owner: Owner, _id: ObjectId, replacement: Partial<CustomRoleDoc>) => shape.update<CustomRoleDoc>({ filter: { _id, userId: owner }, update: replacement }),
  list: (owner: Owner) => shape.find<CustomRoleDoc>({ filter: { userId: owner }, sort: { updatedAt: -1 }, limit: MAX_CUSTOM_ROLES }),
  count: (owner: Owner) => shape.count<CustomRoleDoc>({ userId: owner }),
  delete: (owner: Owner, id: string) => shape.deleteOne<CustomRoleDoc>(ofId(owner, id)),
  /** Account deletion: by the owner in either stored form. */
  deleteOfUser: (owner: Owner) => shape.deleteMany<CustomRoleDoc>({ userId: { $in: ownerForms(owner) } } as Filter<CustomRoleDoc>),
  export: (owner: Owner) => shape.find<CustomRoleDoc>({ filter: { userId: owner }, sort: { createdAt: 1, _id: 1 } }),
};

export const rolesHotQueries = hotQueriesOf(rolesModel.collection, "models/roles.ts", {
  find: ["findCustomRole", roleQueries.find(SAMPLE_OWNER, "custom-my-role")],
  findForUpdate: ["updateCustomRole", roleQueries.find(SAMPLE_OWNER, "custom-my-role", { _id: 1, createdAt: 1 })],
  replace: ["updateCustomRole", roleQueries.replace(SAMPLE_OWNER, sampleId(7), { id: "custom-my-role", userId: SAMPLE_OWNER })],
  list: ["listCustomRoles", roleQueries.list(SAMPLE_OWNER)],
  count: ["countCustomRoles", roleQueries.count(SAMPLE_OWNER)],
  delete: ["deleteCustomRole", roleQueries.delete(SAMPLE_OWNER, "custom-my-role")],
  deleteOfUser: ["deleteAllForOwner", roleQueries.deleteOfUser(SAMPLE_OWNER)],
  export: ["exportCustomRoles", roleQueries.export(SAMPLE_OWNER)],
});

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
  const existing = await findOneWith(collection, roleQueries.find(owner, id, { _id: 1, createdAt: 1 }));
  if (!existing) return false;
  const replacement = { ...role, id, userId: owner, createdAt: existing.createdAt, updatedAt: new Date() };
  const result = await replaceWith(collection, roleQueries.replace(owner, existing._id, replacement));
  return result.matchedCount === 1;
}

export async function findCustomRole(owner: Owner, id: string): Promise<CustomRoleDoc | null> {
  return findOneWith(await roles(), roleQueries.find(owner, id));
}

export async function listCustomRoles(owner: Owner): Promise<CustomRoleDoc[]> {
  return findWith(await roles(), roleQueries.list(owner)).toArray();
}

export async function countCustomRoles(owner: Owner): Promise<number> {
  return countWith(await roles(), roleQueries.count(owner));
}

export async function deleteCustomRole(owner: Owner, id: string): Promise<boolean> {
  return (await deleteWith(await roles(), roleQueries.delete(owner, id))) === 1;
}

export async function deleteAllForOwner(owner: Owner): Promise<number> {
  return deleteWith(await roles(), roleQueries.deleteOfUser(owner));
}

/** The data export, in creation order, streamed in batches. */
export async function exportCustomRoles(owner: Owner, batchSize: number): Promise<FindCursor<WithId<CustomRoleDoc>>> {
  return findWith(await roles(), roleQueries.export(owner), { batchSize });
}
