/**
 * A reply whose instance died (crash, deploy, lost network) stops beating; every instance runs
 * this sweeper, which claims such a reply's record (one conditional delete: one sweeper wins)
 * and saves the reply with the text its chunks hold as failed with `interrupted`, which the chat
 * shows with Retry. A reply is marked within STALE_MS + SWEEP_MS of its last heartbeat.
 */
import "server-only";
import { logger } from "@/lib/server/infra/log";
import { readReplySoFar } from "@/lib/server/services/live/reply-so-far";
import { HEARTBEAT_MS } from "@/lib/server/services/live/reply-progress";
import { finalizeReply } from "@/models/messages";
import { claimStaleReplyStream, listStaleReplyStreams } from "@/models/reply-streams";

/** Twenty missed heartbeats: a busy event loop or a slow write is not a death. */
export const STALE_MS = 20 * HEARTBEAT_MS;
export const SWEEP_MS = 5_000;

/** Marks every reply whose heartbeat is older than STALE_MS as interrupted; returns how many. */
export async function sweepInterruptedReplies(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_MS);
  let marked = 0;
  for (const stale of await listStaleReplyStreams(before)) {
    const claimed = await claimStaleReplyStream(stale._id, before);
    if (!claimed) continue;
    const soFar = await readReplySoFar(claimed.userId, claimed._id);
    await finalizeReply(claimed.userId, claimed._id, { message: soFar.text, status: "error", errorCode: "interrupted" });
    logger().warn({ replyId: claimed._id.toHexString(), instance: claimed.instance }, "reply interrupted: its instance stopped beating");
    marked += 1;
  }
  return marked;
}

const SWEEPER = Symbol.for("chatcraft.live.sweeper");
type WithSweeper = typeof globalThis & { [SWEEPER]?: NodeJS.Timeout };

/** Starts this process's sweeper once (a second call, or a second module instance, does nothing). */
export function startSweeper(): void {
  const holder = globalThis as WithSweeper;
  if (holder[SWEEPER]) return;
  const timer = setInterval(() => {
    sweepInterruptedReplies().catch((error: unknown) => logger().warn({ err: error }, "reply sweep failed"));
  }, SWEEP_MS);
  timer.unref();
  holder[SWEEPER] = timer;
}
