"use server";

/**
 * Share links, from the chat page's Share dialog and Settings → Shared links. Each checks the
 * session's owner in the service: another user's conversation or link is "not found".
 */
import { runAction } from "@/lib/server/infra/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { createShare, previewShare, revokeShare, shareDialogData, updateShare } from "@/lib/server/services/sharing/share-service";
import type { ActionResult } from "@/lib/shared/action-result";
import type { ShareDialogData, ShareLink, SharedView } from "@/lib/shared/sharing/dto";

const asId = (value: unknown): string => (typeof value === "string" ? value : "");

export async function shareDialogAction(conversationId: string): Promise<ActionResult<ShareDialogData>> {
  return runAction(async () => shareDialogData(await requireOwner(), asId(conversationId)));
}

export async function previewShareAction(conversationId: string, options: unknown): Promise<ActionResult<SharedView>> {
  return runAction(async () => previewShare(await requireOwner(), asId(conversationId), options));
}

export async function createShareAction(conversationId: string, options: unknown): Promise<ActionResult<ShareLink>> {
  return runAction(async () => createShare(await requireOwner(), asId(conversationId), options));
}

/** Update link: a new snapshot under the same URL. */
export async function updateShareAction(shareId: string, options: unknown): Promise<ActionResult<ShareLink>> {
  return runAction(async () => updateShare(await requireOwner(), asId(shareId), options));
}

export async function revokeShareAction(shareId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeShare(await requireOwner(), asId(shareId));
    return null;
  });
}
