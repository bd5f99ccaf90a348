/**
 * Words about a proposal: the reply text when the model answered with a function call alone,
 * and the note the model sees in later turns so it knows what it proposed and what became of it.
 */
import "server-only";
import type { ProposalDTO } from "@/lib/shared/chat/types";
import type { Proposal } from "@/lib/server/ai/chat-model";
import { formatDetailValue } from "@/lib/shared/roles/detail-value";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Shown as the reply when the model sent a proposal and no text. */
export function proposalReplyText(proposal: Proposal): string {
  if (proposal.kind === "details") return `I can remember **${formatDetailValue(proposal.update.value)}** as your new ${proposal.update.field.replace(/_/g, " ")} for this role. Apply or dismiss below.`;
  if (proposal.kind === "plan") {
    return `Here is a plan for **${proposal.plan.name}** with ${plural(proposal.plan.tasks.length, "task")}. Untick what you don't need, edit the rest, then create the project.`;
  }
  const summary = proposal.changes.summary.trim();
  return `${summary || `I suggest ${plural(proposal.changes.changes.length, "change")} to the project.`} Apply or dismiss below.`;
}

const OUTCOME = { proposed: "the user has not decided yet", applied: "the user accepted it", dismissed: "the user dismissed it" } as const;

/** Appended to an AI turn in the model's context (never shown to the user). */
export function proposalContextNote(proposal: ProposalDTO): string {
  const what =
    proposal.kind === "details"
      ? `to update the user's ${proposal.label} to ${formatDetailValue(proposal.to)}`
      : proposal.kind === "plan"
      ? `a plan “${proposal.plan.name}” with ${plural(proposal.plan.tasks.length, "task")}`
      : `${plural(proposal.changes.changes.length, "change")} to the project`;
  return `[You proposed ${what} through a function call; ${OUTCOME[proposal.state]}.]`;
}
