/**
 * An import job: the uploaded file is read one conversation at a time (read-import.ts) and each
 * is written on its own transaction (write-conversation.ts), mapped to the role the user picked
 * (ChatCraft's own export keeps each conversation's role when this user has it). Progress and
 * counts go to the job as it runs, so a client polls GET /api/v1/imports/{id}. A conversation
 * that cannot be read or written is counted as failed with why; a file that turns out to be the
 * wrong kind, malformed or cut off stops the job with that error — every conversation before
 * that point was written whole, and importing the complete file again adds only the rest.
 */
import "server-only";
import type { Readable } from "node:stream";
import { getEnv } from "@/lib/server/infra/env";
import { logger } from "@/lib/server/infra/log";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import type { ImportedConversation, ImportItem } from "@/lib/server/services/import/imported";
import { ImportReader } from "@/lib/server/services/import/read-import";
import { writeImportedConversation } from "@/lib/server/services/import/write-conversation";
import { AppError, isAppError } from "@/lib/shared/errors";
import { MAX_IMPORT_FAILURES_KEPT, type ImportFormat, type ImportJobDTO } from "@/lib/shared/import/schemas";
import type { Role } from "@/lib/shared/roles/role-schema";
import type { Owner } from "@/models/conversations";
import { findActiveImport, findImportJob, insertImportJob, updateImportJob, type ImportJobDoc } from "@/models/import-jobs";
import { parseObjectId } from "@/models/conversations";

/** How often progress is written while a job runs. */
const PROGRESS_EVERY_MS = 250;

export function toImportJobDTO(job: ImportJobDoc): ImportJobDTO {
  return {
    id: job._id.toHexString(),
    status: job.status,
    format: job.format,
    fileName: job.fileName,
    roleId: job.roleId,
    counts: job.counts,
    failures: job.failures,
    bytesRead: job.bytesRead,
    bytesTotal: job.bytesTotal,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function requireImportJob(owner: Owner, id: string): Promise<ImportJobDoc> {
  const _id = parseObjectId(id);
  const job = _id ? await findImportJob(owner, _id) : null;
  if (!job) throw new AppError("not_found:import");
  return job;
}

/** One import at a time per user: a second file waits for the first to finish. */
export async function assertNoActiveImport(owner: Owner): Promise<void> {
  if (await findActiveImport(owner)) throw new AppError("conflict:import_running");
}

/** The role picked for the import; another user's role or an unknown id is a field error. */
export async function requireImportRole(owner: Owner, roleId: string): Promise<Role> {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role", "Pick one of your roles.", { fields: { roleId: ["Pick one of your roles."] } });
  return resolved.role;
}

export async function createImportJob(owner: Owner, input: { fileName: string; roleId: string; bytesTotal: number }): Promise<ImportJobDoc> {
  await assertNoActiveImport(owner);
  return insertImportJob(owner, input);
}

class JobProgress {
  counts = { imported: 0, skipped: 0, failed: 0 };
  failures: ImportJobDoc["failures"] = [];
  format: ImportFormat | null = null;
  private lastWrite = 0;

  constructor(
    private readonly owner: Owner,
    private readonly job: ImportJobDoc,
    private readonly reader: ImportReader,
  ) {}

  fail(index: number, title: string | null, reason: string): void {
    this.counts.failed += 1;
    if (this.failures.length < MAX_IMPORT_FAILURES_KEPT) this.failures.push({ index, title, reason });
  }

  async write(force = false, outcome: Partial<ImportJobDoc> = {}): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < PROGRESS_EVERY_MS) return;
    this.lastWrite = now;
    await updateImportJob(this.owner, this.job._id, { counts: this.counts, failures: this.failures, format: this.format, bytesRead: this.reader.bytesRead, ...outcome });
  }
}

/** The role an imported conversation gets: its own (ChatCraft export) when this user has it, else the picked one. */
async function roleFor(owner: Owner, picked: Role, conversation: ImportedConversation, cache: Map<string, Role | null>): Promise<Role> {
  const id = conversation.roleId;
  if (!id) return picked;
  if (!cache.has(id)) cache.set(id, (await resolveRole(owner, id))?.role ?? null);
  return cache.get(id) ?? picked;
}

async function importItem(owner: Owner, picked: Role, item: ImportItem, progress: JobProgress, roles: Map<string, Role | null>, maxMessages: number): Promise<void> {
  if (!item.ok) return progress.fail(item.index, item.title, item.reason);
  const { conversation } = item;
  if (conversation.messages.length > maxMessages) {
    return progress.fail(item.index, conversation.title, `It has more than ${maxMessages} messages, the most one imported conversation may have.`);
  }
  try {
    const outcome = await writeImportedConversation(owner, progress.format!, await roleFor(owner, picked, conversation, roles), conversation);
    progress.counts[outcome] += 1;
  } catch (error) {
    logger().error({ err: error, index: item.index }, "import: a conversation could not be written");
    progress.fail(item.index, conversation.title, "It could not be saved; nothing of it was kept.");
  }
}

/** Runs a job to the end over `source`; never throws (the outcome is on the job). */
export async function runImportJob(owner: Owner, job: ImportJobDoc, picked: Role, source: Readable): Promise<ImportJobDoc | null> {
  const maxMessages = getEnv().IMPORT_MAX_MESSAGES_PER_CONVERSATION;
  const reader = new ImportReader(source, maxMessages);
  const progress = new JobProgress(owner, job, reader);
  const roles = new Map<string, Role | null>();
  try {
    await updateImportJob(owner, job._id, { status: "running" });
    for await (const event of reader.events()) {
      if (event.kind === "format") progress.format = event.format;
      else await importItem(owner, picked, event.item, progress, roles, maxMessages);
      await progress.write();
    }
    await progress.write(true, { status: "done", finishedAt: new Date() });
  } catch (caught) {
    const error = isAppError(caught) ? caught : new AppError("internal");
    if (!isAppError(caught)) logger().error({ err: caught, jobId: job._id.toHexString() }, "import: the job failed");
    source.destroy();
    await progress.write(true, { status: "failed", finishedAt: new Date(), error: { code: error.code, message: error.message } }).catch(() => undefined);
  }
  return findImportJob(owner, job._id);
}
