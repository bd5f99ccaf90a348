"use server";

import { runAction } from "@/lib/server/infra/action-result";
import {
  clearHistory,
  deleteConversation,
  listConversations,
  renameConversation,
  updateConversationDetailsFor,
} from "@/lib/server/services/chat/conversation-service";
import { toOwner } from "@/lib/server/services/owner";
import { applyProposedChanges, createProjectFromProposal, dismissProposal } from "@/lib/server/services/chat/proposal-service";
import { listOlderMessages } from "@/lib/server/services/chat/queries";
import type { ActionResult, ConversationPage, MessageDTO, MessagePage } from "@/lib/shared/chat/types";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { AppError } from "@/lib/shared/errors";
import { z } from "zod";

async function currentOwner() {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again to continue.");
  return toOwner(user);
}

/** One sidebar page, newest first; pass the returned nextCursor to get the next one. */
export async function listConversationsAction(cursor: string | null): Promise<ActionResult<ConversationPage>> {
  return runAction(async () => listConversations(await currentOwner(), typeof cursor === "string" ? cursor : null));
}

export async function renameConversationAction(id: string, title: string): Promise<ActionResult<{ title: string }>> {
  return runAction(async () => renameConversation(await currentOwner(), id, title));
}

export async function deleteConversationAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteConversation(await currentOwner(), id);
    return null;
  });
}

export async function clearHistoryAction(): Promise<ActionResult<{ conversations: number; messages: number }>> {
  return runAction(async () => clearHistory(await currentOwner()));
}

/** Saves new details mid-chat; the returned notice shows in the conversation, and the next reply uses them. */
export async function updateDetailsAction(
  id: string,
  details: Record<string, unknown>,
): Promise<ActionResult<{ details: Record<string, unknown>; notice: MessageDTO }>> {
  return runAction(async () => updateConversationDetailsFor(await currentOwner(), id, details));
}

const olderMessagesInput = z.object({ conversationId: z.string(), before: z.iso.datetime({ error: "Invalid cursor." }) });

/** The page of messages before `before` (the oldest message's timestamp), as the reader scrolls up. */
export async function loadOlderMessagesAction(conversationId: string, before: string): Promise<ActionResult<MessagePage>> {
  return runAction(async () => {
    const owner = await currentOwner();
    const input = olderMessagesInput.parse({ conversationId, before });
    const page = await listOlderMessages(owner, input.conversationId, new Date(input.before));
    if (!page) throw new AppError("not_found:conversation");
    return page;
  });
}

/** The plan card's Create project: the plan as the user edited it, validated again here. */
export async function createProjectFromPlanAction(messageId: string, plan: unknown): Promise<ActionResult<{ projectId: string }>> {
  return runAction(async () => createProjectFromProposal(await currentOwner(), messageId, plan));
}

/** The change card's Apply: every change, or none if any is refused. */
export async function applyChangesAction(messageId: string): Promise<ActionResult<{ projectId: string }>> {
  return runAction(async () => applyProposedChanges(await currentOwner(), messageId));
}

export async function dismissProposalAction(messageId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await dismissProposal(await currentOwner(), messageId);
    return null;
  });
}
