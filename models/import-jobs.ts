/**
 * importJobs: one per uploaded export file, so a client can poll how far the import has gone.
 * Every read and write carries the owner. Finished jobs are removed a week later (TTL on
 * `expiresAt`). A job whose process died stops being updated; `findActiveImport` only counts a
 * job as running while it was touched in the last STALE_AFTER_MS, so it cannot block the next.
 */
import "server-only";
import { ObjectId, type Collection } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { defineModel } from "@/lib/server/infra/db/model";
import { findOneWith, hotQueriesOf, modifyWith, SAMPLE_DATE, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import type { ErrorCode } from "@/lib/shared/errors";
import { IMPORT_FORMATS, IMPORT_STATUSES, MAX_IMPORT_FAILURES_KEPT, type ImportFormat, type ImportStatus } from "@/lib/shared/import/schemas";
import type { Owner } from "@/models/conversations";

const COLLECTION = "importJobs";
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
export const STALE_AFTER_MS = 5 * 60 * 1000;

export interface ImportFailure {
  index: number;
  title: string | null;
  reason: string;
}

export interface ImportJobDoc {
  _id: ObjectId;
  userId: Owner;
  fileName: string;
  roleId: string;
  format: ImportFormat | null;
  status: ImportStatus;
  counts: { imported: number; skipped: number; failed: number };
  failures: ImportFailure[];
  bytesRead: number;
  bytesTotal: number;
  error: { code: ErrorCode; message: string } | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
}

export const importJobsModel = defineModel({
  collection: COLLECTION,
  indexes: [
    { key: { userId: 1, updatedAt: -1 }, name: "userId_updatedAt" },
    { key: { expiresAt: 1 }, name: "expiresAt_ttl", expireAfterSeconds: 0 },
  ],
  jsonSchema: {
    bsonType: "object",
    required: ["userId", "fileName", "roleId", "status", "counts", "bytesRead", "bytesTotal", "createdAt", "updatedAt", "expiresAt"],
    properties: {
      userId: { bsonType: "objectId" },
      fileName: { bsonType: "string", maxLength: 300 },
      roleId: { bsonType: "string" },
      format: { enum: [...IMPORT_FORMATS, null] },
      status: { enum: [...IMPORT_STATUSES] },
      counts: { bsonType: "object" },
      failures: { bsonType: "array", maxItems: MAX_IMPORT_FAILURES_KEPT },
      createdAt: { bsonType: "date" },
      updatedAt: { bsonType: "date" },
      expiresAt: { bsonType: "date" },
    },
  },
});

async function jobs(): Promise<Collection<ImportJobDoc>> {
  return modelCollection<ImportJobDoc>(importJobsModel);
}

const queries = {
  find: (owner: Owner, id: ObjectId) => shape.findOne<ImportJobDoc>({ filter: { _id: id, userId: owner } }),
  active: (owner: Owner, since: Date) =>
    shape.findOne<ImportJobDoc>({ filter: { userId: owner, status: { $in: ["queued", "running"] }, updatedAt: { $gt: since } }, sort: { updatedAt: -1 } }),
  update: (owner: Owner, id: ObjectId, set: Partial<ImportJobDoc>) => shape.modify<ImportJobDoc>({ filter: { _id: id, userId: owner }, update: { $set: set } }),
};

export async function insertImportJob(owner: Owner, input: { fileName: string; roleId: string; bytesTotal: number }): Promise<ImportJobDoc> {
  const now = new Date();
  const doc: ImportJobDoc = {
    _id: new ObjectId(),
    userId: owner,
    fileName: input.fileName.slice(0, 300),
    roleId: input.roleId,
    format: null,
    status: "queued",
    counts: { imported: 0, skipped: 0, failed: 0 },
    failures: [],
    bytesRead: 0,
    bytesTotal: input.bytesTotal,
    error: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    expiresAt: new Date(now.getTime() + KEEP_MS),
  };
  await (await jobs()).insertOne(doc);
  return doc;
}

export async function findImportJob(owner: Owner, id: ObjectId): Promise<ImportJobDoc | null> {
  return findOneWith(await jobs(), queries.find(owner, id));
}

/** The owner's queued or running import that is still alive, if any. */
export async function findActiveImport(owner: Owner, now = new Date()): Promise<ImportJobDoc | null> {
  return findOneWith(await jobs(), queries.active(owner, new Date(now.getTime() - STALE_AFTER_MS)));
}

/** Writes progress or the outcome; `updatedAt` always moves, which keeps a running job alive. */
export async function updateImportJob(owner: Owner, id: ObjectId, set: Partial<Omit<ImportJobDoc, "_id" | "userId">>): Promise<ImportJobDoc | null> {
  return modifyWith(await jobs(), queries.update(owner, id, { ...set, updatedAt: new Date() }));
}

const owner = SAMPLE_OWNER;
const jobId = sampleId(9);

export const importJobsHotQueries = hotQueriesOf(COLLECTION, "models/import-jobs.ts", {
  find: ["findImportJob", queries.find(owner, jobId)],
  active: ["findActiveImport", queries.active(owner, SAMPLE_DATE)],
  update: ["updateImportJob", queries.update(owner, jobId, { bytesRead: 1, updatedAt: SAMPLE_DATE })],
});
