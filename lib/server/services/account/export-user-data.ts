/**
 * Reads everything a user owns, one document at a time through cursors (bounded memory whatever
 * the size), in a fixed order of sections. The counterpart of lib/server/services/account/delete-account.ts: it names the
 * same collections, and the projections here are where secrets are left out (password hash,
 * credential version, token hashes) — they never leave the database.
 */
import "server-only";
import type { Db, Document, ObjectId } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";

/** Export sections in order; `messages` are read per conversation, in conversation order. */
export const EXPORT_SECTIONS = ["roles", "briefs", "conversations", "messages", "projects", "tasks", "apiTokens"] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

const BATCH = 500;

const PROJECTIONS: Partial<Record<ExportSection | "users", Document>> = {
  users: { passwordHash: 0, credentialVersion: 0 },
  apiTokens: { tokenHash: 0 },
};

const SORTS: Partial<Record<ExportSection, Document>> = {
  roles: { createdAt: 1, _id: 1 },
  briefs: { roleId: 1 },
  conversations: { createdAt: 1, _id: 1 },
  projects: { _id: 1 },
  tasks: { _id: 1 },
  apiTokens: { createdAt: 1 },
};

export async function readExportProfile(owner: ObjectId, db?: Db): Promise<Document | null> {
  const database = db ?? (await getDb());
  return database.collection("users").findOne({ _id: owner }, { projection: PROJECTIONS.users });
}

/** The documents of one section, streamed. */
export async function* readExportSection(owner: ObjectId, section: ExportSection, db?: Db): AsyncGenerator<Document> {
  const database = db ?? (await getDb());
  if (section === "messages") {
    const conversations = database
      .collection("conversations")
      .find({ userId: owner }, { projection: { _id: 1 }, batchSize: BATCH })
      .sort(SORTS.conversations ?? {});
    for await (const conversation of conversations) {
      // Served by conversationId_timestamp; userId keeps the read owner-scoped.
      yield* database
        .collection("messages")
        .find({ conversationId: conversation._id, userId: owner }, { batchSize: BATCH })
        .sort({ timestamp: 1 });
    }
    return;
  }
  const projection = PROJECTIONS[section];
  yield* database
    .collection(section)
    .find({ userId: owner }, { ...(projection ? { projection } : {}), batchSize: BATCH })
    .sort(SORTS[section] ?? { _id: 1 });
}
