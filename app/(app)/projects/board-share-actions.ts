"use server";

/**
 * A project board's share link, from the project page's Share dialog. Update and revoke are the
 * conversation links' own actions (app/(app)/chat/share-actions.ts): the service tells the kinds apart.
 * Each checks the session's owner: another user's project or link is "not found".
 */
import { runAction } from "@/lib/server/infra/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { boardShareOf, createBoardShare } from "@/lib/server/services/sharing/board-share";
import type { ActionResult } from "@/lib/shared/action-result";
import type { ShareLink } from "@/lib/shared/sharing/dto";

const asId = (value: unknown): string => (typeof value === "string" ? value : "");

export async function boardShareAction(projectId: string): Promise<ActionResult<ShareLink | null>> {
  return runAction(async () => boardShareOf(await requireOwner(), asId(projectId)));
}

export async function createBoardShareAction(projectId: string, options: unknown): Promise<ActionResult<ShareLink>> {
  return runAction(async () => createBoardShare(await requireOwner(), asId(projectId), options));
}
