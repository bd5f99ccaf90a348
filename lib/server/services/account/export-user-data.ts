/**
 * Reads everything a user owns, one document at a time through cursors (bounded memory whatever
 * the size), in a fixed order of sections. The counterpart of delete-account.ts: each section is
 * its model's export cursor, and those models' projections are where secrets are left out
 * (password hash, credential version, token hashes) — they never leave the database.
 */
import "server-only";
import type { Document, ObjectId } from "mongodb";
import { toAttachmentDTO } from "@/lib/server/services/attachments/attachment-service";
import { exportApiTokens } from "@/models/api-tokens";
import { exportAttachments, type AttachmentFileDoc } from "@/models/attachments";
import { exportBriefs } from "@/models/briefs";
import { exportConversationIds, exportConversations } from "@/models/conversations";
import { exportConversationMessages } from "@/models/messages";
import { exportProjects } from "@/models/projects";
import { exportCustomRoles } from "@/models/roles";
import { exportTasks } from "@/models/tasks";
import { readUserForExport } from "@/models/users";

/**
 * Export sections in order; `messages` are read per conversation, in conversation order;
 * `attachments` are references (name, type, size, conversation, message, download path) — the
 * bytes are in the archive (GET /api/v1/me/export/archive).
 */
export const EXPORT_SECTIONS = ["roles", "briefs", "conversations", "messages", "projects", "tasks", "apiTokens", "attachments"] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

const BATCH = 500;

const SECTION_CURSORS: Record<Exclude<ExportSection, "messages" | "attachments">, (owner: ObjectId, batchSize: number) => Promise<AsyncIterable<Document>>> = {
  roles: exportCustomRoles,
  briefs: exportBriefs,
  conversations: exportConversations,
  projects: exportProjects,
  tasks: exportTasks,
  apiTokens: exportApiTokens,
};

export async function readExportProfile(owner: ObjectId): Promise<Document | null> {
  return readUserForExport(owner);
}

/** The documents of one section, streamed. */
export async function* readExportSection(owner: ObjectId, section: ExportSection): AsyncGenerator<Document> {
  if (section === "messages") {
    for await (const conversation of await exportConversationIds(owner, BATCH)) {
      yield* await exportConversationMessages(owner, conversation._id, BATCH);
    }
    return;
  }
  if (section === "attachments") {
    for await (const file of await exportAttachments(owner, BATCH)) yield attachmentReference(file);
    return;
  }
  yield* await SECTION_CURSORS[section](owner, BATCH);
}

/** Where an attachment's bytes sit inside the export archive. */
export function archivePathOf(file: AttachmentFileDoc): string {
  return `attachments/${file._id.toHexString()}-${file.filename}`;
}

function attachmentReference(file: AttachmentFileDoc): Document {
  return { ...toAttachmentDTO(file), download: `/api/v1/attachments/${file._id.toHexString()}/content`, archivePath: archivePathOf(file) };
}
