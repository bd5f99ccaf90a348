/**
 * The details card: what the reply stores when the model proposes a new value for one of the
 * role's details, and what Apply does.
 *
 * Apply is claim-then-apply, the plan and change cards' mechanism (proposal-service.ts): one
 * conditional write moves the card from proposed to applied, so of two racing Applies exactly
 * one proceeds. That one then writes (1) the brief — the value and its history entry in one
 * single-document compare-and-set, which also refuses a second write for the same message — and
 * (2) the conversation's details snapshot, one single-document write. Without transactions
 * (the embedded server is a standalone; a replica set would let these two writes share one),
 * a failure of (2) undoes (1) and releases the claim, so the user sees all of it or none.
 */
import "server-only";
import type { ObjectId } from "mongodb";
import type { DetailsUpdate } from "@/lib/server/ai/proposals-details";
import { claim, requireOpenProposal } from "@/lib/server/services/chat/proposal-service";
import { inTransaction } from "@/lib/server/infra/db/transaction";
import { sameValue } from "@/lib/server/services/roles/brief-history";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import { AppError } from "@/lib/shared/errors";
import { fieldValueSchema } from "@/lib/shared/roles/details-schema";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { findBrief, listRecentBriefs, newHistoryEntry, setBriefValue, upsertBrief } from "@/models/briefs";
import { updateConversationDetails, type ConversationDoc, type Owner } from "@/models/conversations";
import type { StoredDetailsProposal } from "@/models/messages";
import { dismissProposal } from "@/lib/server/services/chat/proposal-service";
import { proposalDecisionSchema } from "@/lib/shared/api/chat";
import type { z } from "zod";

/** The value as the field accepts it now, or undefined when it does not fit (option removed, out of range). */
function fitting(field: RoleField | undefined, value: unknown): unknown {
  if (!field) return undefined;
  const parsed = fieldValueSchema({ ...field, required: true } as RoleField).safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The user's other roles with a brief whose field of this key would accept the value and holds another one. */
async function rolesSharingKey(owner: Owner, conversation: ConversationDoc, key: string, value: unknown): Promise<{ roleId: string; roleName: string }[]> {
  const shared: { roleId: string; roleName: string }[] = [];
  for (const brief of await listRecentBriefs(owner)) {
    if (brief.roleId === conversation.roleId || sameValue(brief.details[key], value)) continue;
    const resolved = await resolveRole(owner, brief.roleId);
    const field = resolved?.role.fields.find((candidate) => candidate.key === key);
    if (resolved && fitting(field, value) !== undefined) shared.push({ roleId: resolved.role.id, roleName: resolved.role.name });
  }
  return shared;
}

/** The card as stored on the reply; null when the value is the one the chat already has (nothing to propose). */
export async function storedDetailsProposal(owner: Owner, conversation: ConversationDoc, update: DetailsUpdate): Promise<(StoredDetailsProposal & { state: "proposed" }) | null> {
  const field = conversation.fields.find((candidate) => candidate.key === update.field);
  if (!field) return null;
  const from = conversation.details[field.key];
  if (sameValue(from, update.value)) return null;
  const sharedRoles = await rolesSharingKey(owner, conversation, field.key, update.value);
  return {
    kind: "details",
    field: field.key,
    label: field.label,
    ...(from === undefined ? {} : { from }),
    to: update.value,
    sentence: update.sentence,
    ...(sharedRoles.length > 0 ? { sharedRoles } : {}),
    state: "proposed",
  };
}

/** The card's input: which of the offered roles to update too (the API's apply body, without `action`). */
const applyDetailsInputSchema = proposalDecisionSchema.options[0].omit({ action: true });

interface BriefTarget {
  roleId: string;
  field: RoleField;
}

/** The roles the user ticked, each checked: offered on this card, still theirs, and the value still fits. */
async function targetsOf(owner: Owner, proposal: StoredDetailsProposal, conversation: ConversationDoc, alsoRoles: readonly string[]): Promise<BriefTarget[]> {
  const own = conversation.fields.find((field) => field.key === proposal.field);
  if (!own || fitting(own, proposal.to) === undefined) throw new AppError("invalid:details", `${proposal.label} no longer accepts that value.`);
  const targets: BriefTarget[] = [{ roleId: conversation.roleId, field: own }];
  for (const roleId of new Set(alsoRoles)) {
    const offered = proposal.sharedRoles?.some((role) => role.roleId === roleId);
    const resolved = offered ? await resolveRole(owner, roleId) : null;
    const field = resolved?.role.fields.find((candidate) => candidate.key === proposal.field);
    if (!resolved || fitting(field, proposal.to) === undefined) {
      throw new AppError("invalid:details", `That update cannot be applied to the role “${roleId.slice(0, 100)}”.`, { fields: { alsoRoles: ["Choose only roles offered on the card."] } });
    }
    if (roleId !== conversation.roleId) targets.push({ roleId, field: field! });
  }
  return targets;
}

/** One brief's compare-and-set; a brief that does not exist yet is created from the chat's details. */
async function writeBrief(owner: Owner, target: BriefTarget, proposal: StoredDetailsProposal, conversation: ConversationDoc, messageId: ObjectId): Promise<void> {
  const brief = await findBrief(owner, target.roleId);
  const previous = brief?.details[proposal.field];
  const entry = newHistoryEntry({ key: proposal.field, value: proposal.to, source: "chat", conversationId: conversation._id, messageId, ...(previous === undefined ? {} : { previous }) });
  if (!brief) {
    const base = target.roleId === conversation.roleId ? conversation.details : {};
    await upsertBrief(owner, target.roleId, { ...base, [proposal.field]: proposal.to }, { history: [entry] });
    return;
  }
  if (!(await setBriefValue(owner, target.roleId, entry))) throw new AppError("conflict:proposal", "Those details changed meanwhile. Reload and try again.");
}

/** Apply: the new value into this role's brief (and the ticked roles'), and this chat's details; all or none. */
export async function applyDetailsProposal(owner: Owner, messageId: unknown, rawInput: unknown): Promise<{ details: Record<string, unknown>; updatedRoles: string[] }> {
  const parsed = applyDetailsInputSchema.safeParse(rawInput ?? {});
  if (!parsed.success) throw new AppError("invalid:input", parsed.error.issues[0]?.message ?? "The request has invalid fields.", { cause: parsed.error });
  const { message, conversation } = await requireOpenProposal(owner, messageId, "details");
  const proposal = message.proposal;
  const targets = await targetsOf(owner, proposal, conversation, parsed.data.alsoRoles);
  // The claim, every brief and the chat's details commit together or not at all: a failure (or a
  // crash) part-way leaves the card open and every brief as it was.
  return inTransaction(async () => {
    await claim(owner, message._id, "details");
    for (const target of targets) await writeBrief(owner, target, proposal, conversation, message._id);
    const details = { ...conversation.details, [proposal.field]: proposal.to };
    if (!(await updateConversationDetails(owner, conversation._id, details))) throw new AppError("not_found:conversation");
    return { details, updatedRoles: targets.map((target) => target.roleId) };
  });
}

type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

/** The API's decision on a reply's proposal. */
export async function decideProposal(
  owner: Owner,
  messageId: string,
  decision: ProposalDecision,
): Promise<{ state: "applied" | "dismissed"; details?: Record<string, unknown>; updatedRoles?: string[] }> {
  if (decision.action === "dismiss") {
    await dismissProposal(owner, messageId);
    return { state: "dismissed" };
  }
  return { state: "applied", ...(await applyDetailsProposal(owner, messageId, { alsoRoles: decision.alsoRoles })) };
}
