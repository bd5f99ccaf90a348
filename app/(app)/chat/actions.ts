"use server";

import { runAction } from "@/lib/server/infra/action-result";
import {
  clearHistory,
  deleteConversation,
  listConversations,
  renameConversation,
  updateConversationDetailsFor,
} from "@/lib/server/services/chat/conversation-service";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { applyProposedChanges, createProjectFromProposal, dismissProposal } from "@/lib/server/services/chat/proposal-service";
import { getConversationView, listAdjacentMessages } from "@/lib/server/services/chat/queries";
import { stopReply } from "@/lib/server/services/live/stop-reply";
import { applyDetailsProposal } from "@/lib/server/services/roles/details-update-service";
import type { ActionResult } from "@/lib/shared/action-result";
import type { ConversationPage, MessageDTO, MessagePage } from "@/lib/shared/chat/types";
import { AppError } from "@/lib/shared/errors";
import { z } from "zod";

/** One sidebar page, newest first; pass the returned nextCursor to get the next one. */
export async function listConversationsAction(cursor: string | null): Promise<ActionResult<ConversationPage>> {
  return runAction(async () => listConversations(await requireOwner(), typeof cursor === "string" ? cursor : null));
}

export async function renameConversationAction(id: string, title: string): Promise<ActionResult<{ title: string }>> {
  return runAction(async () => renameConversation(await requireOwner(), id, title));
}

export async function deleteConversationAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteConversation(await requireOwner(), id);
    return null;
  });
}

export async function clearHistoryAction(): Promise<ActionResult<{ conversations: number; messages: number }>> {
  return runAction(async () => clearHistory(await requireOwner()));
}

/** Saves new details mid-chat; the returned notice shows in the conversation, and the next reply uses them. */
export async function updateDetailsAction(
  id: string,
  details: Record<string, unknown>,
): Promise<ActionResult<{ details: Record<string, unknown>; notice: MessageDTO }>> {
  return runAction(async () => updateConversationDetailsFor(await requireOwner(), id, details));
}

const adjacentMessagesInput = z.object({ conversationId: z.string(), at: z.iso.datetime({ error: "Invalid cursor." }) });

async function loadAdjacent(conversationId: string, at: string, side: "before" | "after"): Promise<ActionResult<MessagePage>> {
  return runAction(async () => {
    const owner = await requireOwner();
    const input = adjacentMessagesInput.parse({ conversationId, at });
    const when = new Date(input.at);
    const page = await listAdjacentMessages(owner, input.conversationId, side === "before" ? { before: when } : { after: when });
    if (!page) throw new AppError("not_found:conversation");
    return page;
  });
}

/** The page of messages before `before` (the oldest message's timestamp), as the reader scrolls up. */
export async function loadOlderMessagesAction(conversationId: string, before: string): Promise<ActionResult<MessagePage>> {
  return loadAdjacent(conversationId, before, "before");
}

/** The page of messages after `after` (the newest message's timestamp), as the reader scrolls down from a search match. */
export async function loadNewerMessagesAction(conversationId: string, after: string): Promise<ActionResult<MessagePage>> {
  return loadAdjacent(conversationId, after, "after");
}

/** The plan card's Create project: the plan as the user edited it, validated again here. */
export async function createProjectFromPlanAction(messageId: string, plan: unknown): Promise<ActionResult<{ projectId: string }>> {
  return runAction(async () => createProjectFromProposal(await requireOwner(), messageId, plan));
}

/** The change card's Apply: every change, or none if any is refused. */
export async function applyChangesAction(messageId: string): Promise<ActionResult<{ projectId: string }>> {
  return runAction(async () => applyProposedChanges(await requireOwner(), messageId));
}

export async function dismissProposalAction(messageId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await dismissProposal(await requireOwner(), messageId);
    return null;
  });
}

/** The details card's Apply: this role's brief and this chat's details, plus the roles the user ticked. */
export async function applyDetailsUpdateAction(messageId: string, alsoRoles: string[]): Promise<ActionResult<{ details: Record<string, unknown>; updatedRoles: string[] }>> {
  return runAction(async () => applyDetailsProposal(await requireOwner(), messageId, { alsoRoles }));
}

/** The newest page as it is now (streaming replies with their text so far): what a tab re-reads after a gap in its live stream. */
export async function loadLatestMessagesAction(conversationId: string): Promise<ActionResult<MessagePage & { title: string }>> {
  return runAction(async () => {
    const view = await getConversationView(await requireOwner(), String(conversationId));
    if (!view) throw new AppError("not_found:conversation");
    return { messages: view.messages, hasOlder: view.hasOlder, title: view.conversation.title };
  });
}

/** Stop from any tab: the reply streaming here or in another tab, device or instance stops within a second. */
export async function stopReplyAction(conversationId: string, messageId: string): Promise<ActionResult<{ stopping: boolean }>> {
  return runAction(async () => ({ stopping: await stopReply(await requireOwner(), String(conversationId), String(messageId)) }));
}
