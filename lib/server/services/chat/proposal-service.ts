/**
 * What the plan and change cards do when the user clicks: Create project, Apply, Dismiss. Each
 * checks the owner (the message, its conversation and the project are looked up with the owner
 * in the filter), validates with the same zod schema the model's arguments passed, and claims the
 * proposal in one conditional write first, so a double click or a second tab can never apply it
 * twice. The claim and the work are one transaction: if the work fails, nothing of it stays and
 * the card is still open.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { AppError } from "@/lib/shared/errors";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { zodFieldErrors } from "@/lib/server/infra/http/problem";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import { planSchema, type Plan } from "@/lib/shared/projects/plan-schema";
import { applyProjectChanges } from "@/lib/server/services/projects/task-changes";
import { findConversation, linkConversationToProject, parseObjectId, type ConversationDoc, type Owner } from "@/models/conversations";
import { findMessage, transitionProposal, type MessageDoc, type StoredProposal } from "@/models/messages";

type Kind = StoredProposal["kind"];
type ProposalMessage<K extends Kind> = MessageDoc & { proposal: Extract<StoredProposal, { kind: K }> };

const DECIDED: Record<Exclude<StoredProposal["state"], "proposed">, string> = {
  applied: "This proposal was already applied.",
  dismissed: "This proposal was dismissed.",
};

/** The owner's message carrying a proposal of this kind that is still waiting, with its conversation. */
export async function requireOpenProposal<K extends Kind>(
  owner: Owner,
  messageId: unknown,
  kind: K,
): Promise<{ message: ProposalMessage<K>; conversation: ConversationDoc }> {
  const id = parseObjectId(messageId);
  const message = id ? await findMessage(owner, id) : null;
  if (!message?.proposal || message.proposal.kind !== kind) throw new AppError("not_found:proposal", "That proposal no longer exists.");
  if (message.proposal.state !== "proposed") throw new AppError("conflict:proposal", DECIDED[message.proposal.state]);
  const conversation = await findConversation(owner, message.conversationId.toHexString());
  if (!conversation) throw new AppError("not_found:conversation");
  return { message: message as ProposalMessage<K>, conversation };
}

/** The one conditional write that lets exactly one Apply proceed (proposed → applied). */
export async function claim(owner: Owner, id: ObjectId, kind: Kind, plan?: Plan): Promise<void> {
  const claimed = await transitionProposal(owner, id, { kind, from: "proposed", to: "applied", ...(plan ? { set: { plan } } : {}) });
  if (!claimed) throw new AppError("conflict:proposal", DECIDED.applied);
}

/** The plan as the user left it on the card (ticked tasks, edited titles, priorities, dates). */
export function parseEditedPlan(raw: unknown): Plan {
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("invalid:plan", parsed.error.issues[0]?.message ?? "The plan has invalid fields.", {
      fields: zodFieldErrors(parsed.error),
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Create project: writes the project and its kept tasks, links this chat to it, and marks the card applied. */
export async function createProjectFromProposal(owner: Owner, messageId: unknown, rawPlan: unknown): Promise<{ projectId: string }> {
  const plan = parseEditedPlan(rawPlan);
  const { message, conversation } = await requireOpenProposal(owner, messageId, "plan");
  return inTransaction(async () => {
    await claim(owner, message._id, "plan", plan);
    const { projectId } = await createProjectFromPlan(owner, plan, {
      conversationId: conversation._id,
      messageId: message._id,
      roleId: conversation.roleId,
      details: conversation.details,
    });
    const project = new ObjectId(projectId);
    await linkConversationToProject(owner, conversation._id, project);
    await transitionProposal(owner, message._id, { kind: "plan", from: "applied", to: "applied", set: { projectId: project } });
    return { projectId };
  });
}

/** Apply: the changes as proposed, to the project this chat belongs to; all of them or none. */
export async function applyProposedChanges(owner: Owner, messageId: unknown): Promise<{ projectId: string }> {
  const { message, conversation } = await requireOpenProposal(owner, messageId, "changes");
  if (!conversation.projectId) throw new AppError("conflict:proposal", "This chat is no longer linked to a project.");
  const projectId = conversation.projectId.toHexString();
  await inTransaction(async () => {
    await claim(owner, message._id, "changes");
    await applyProjectChanges(owner, projectId, message.proposal.changes.changes);
  });
  return { projectId };
}

/** Dismiss: the card stays in the chat, marked dismissed; nothing else changes. */
export async function dismissProposal(owner: Owner, messageId: unknown): Promise<void> {
  const id = parseObjectId(messageId);
  const message = id ? await findMessage(owner, id) : null;
  if (!message?.proposal) throw new AppError("not_found:proposal", "That proposal no longer exists.");
  const { kind } = message.proposal;
  if (!(await transitionProposal(owner, message._id, { kind, from: "proposed", to: "dismissed" }))) {
    const state = message.proposal.state === "proposed" ? "applied" : message.proposal.state;
    throw new AppError("conflict:proposal", DECIDED[state]);
  }
}
