/**
 * Deletions, told to the owner's other tabs: a change stream's delete event carries no owner, so
 * the deleting service writes a notice the live feed relays (models/live-notices.ts). A notice
 * that cannot be written is logged, never a failure of the deletion the user asked for.
 */
import "server-only";
import { logger } from "@/lib/server/infra/log";
import { insertLiveNotice, type LiveNoticeDoc } from "@/models/live-notices";

export async function announceRemoval(notice: Omit<LiveNoticeDoc, "_id" | "at">): Promise<void> {
  await insertLiveNotice(notice).catch((error: unknown) => logger().warn({ err: error, kind: notice.kind }, "live notice not written"));
}
