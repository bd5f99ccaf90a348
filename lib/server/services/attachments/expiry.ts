/**
 * Uploads never sent expire: a file attached in the composer (or the API) and never sent with a
 * message is deleted, with its thumbnail and chunks, ATTACHMENT_UNSENT_EXPIRY_MINUTES after it was
 * uploaded. Every app instance runs the sweep; two sweeping at once delete each file once.
 *
 * Why a sweeper and not a TTL index: a TTL index on attachments.files could remove the files
 * documents, but a file's bytes live in attachments.chunks, whose documents carry no date and no
 * owner or message — only files_id — so no TTL index can find them, and the chunks would be left
 * behind, counted by nothing and never freed. A TTL index also cannot tell a sent file from an
 * unsent one (a partial TTL index may not test that a field is missing). The sweep deletes the
 * files document with one conditional delete ("still unsent, still old") and then its chunks, so
 * a file sent in the meantime is never touched; the send side refuses a file close to expiry
 * (SEND_MARGIN_MS), so a send that passed its check always links a file the sweep has not taken.
 */
import "server-only";
import { getEnv } from "@/lib/server/infra/env";
import { logger } from "@/lib/server/infra/log";
import { deleteExpiredUpload, listExpiredUploads } from "@/models/attachments";

const BATCH = 100;
/** Rounds per sweep: a backlog is worked off over several sweeps, never in one unbounded burst. */
const MAX_ROUNDS = 10;
const MAX_SWEEP_MS = 10 * 60_000;

export function unsentExpiryMs(): number {
  return getEnv().ATTACHMENT_UNSENT_EXPIRY_MINUTES * 60_000;
}

/**
 * A file this close to expiry is refused by a send (attach it again): the longest a send takes
 * from its check to linking the file is far below it, so the sweep never deletes a file a
 * message is about to carry.
 */
export function sendMarginMs(): number {
  return Math.min(5 * 60_000, unsentExpiryMs() / 2);
}

/** True for an unsent upload a message may no longer take. */
export function isNearExpiry(uploadDate: Date, now = new Date()): boolean {
  return now.getTime() - uploadDate.getTime() > unsentExpiryMs() - sendMarginMs();
}

/** Deletes every upload (original or thumbnail) unsent for longer than the expiry; returns how many files went. */
export async function sweepExpiredUploads(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - unsentExpiryMs());
  let deleted = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const expired = await listExpiredUploads(before, BATCH);
    for (const file of expired) if (await deleteExpiredUpload(file._id, before)) deleted += 1;
    if (expired.length < BATCH) break;
  }
  return deleted;
}

const SWEEPER = Symbol.for("chatcraft.attachments.sweeper");
type WithSweeper = typeof globalThis & { [SWEEPER]?: NodeJS.Timeout };

/** Starts this process's sweep once: every quarter of the expiry, at most every 10 minutes. */
export function startUploadSweeper(): void {
  const holder = globalThis as WithSweeper;
  if (holder[SWEEPER]) return;
  const timer = setInterval(() => {
    sweepExpiredUploads()
      .then((deleted) => {
        if (deleted > 0) logger().info({ deleted }, "expired unsent uploads deleted");
      })
      .catch((error: unknown) => logger().warn({ err: error }, "upload expiry sweep failed"));
  }, Math.min(MAX_SWEEP_MS, Math.max(1000, unsentExpiryMs() / 4)));
  timer.unref();
  holder[SWEEPER] = timer;
}
