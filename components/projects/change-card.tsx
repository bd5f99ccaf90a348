"use client";

import { ListChecksIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { applyChangesAction } from "@/app/(app)/chat/actions";
import { ProposalCardActions, ProposalCardHeader, useProposalDecision } from "@/components/projects/proposal-card-parts";
import { describeChange } from "@/components/projects/describe-change";
import { announceProjectChanged } from "@/components/projects/project-events";
import type { ProposalDTO } from "@/lib/shared/chat/types";

type ChangesProposal = Extract<ProposalDTO, { kind: "changes" }>;

export interface ChangeCardProps {
  messageId: string;
  proposal: ChangesProposal;
  /** A reply is streaming: deciding now could race it. */
  disabled?: boolean;
  onChange: (proposal: ProposalDTO) => void;
}

/** Changes the AI proposed for the project: nothing happens until Apply (all of them) or Dismiss. */
export function ChangeCard({ messageId, proposal, disabled, onChange }: ChangeCardProps) {
  const router = useRouter();
  const open = proposal.state === "proposed";
  const { pending, error, decide } = useProposalDecision(messageId, () => applyChangesAction(messageId), (kind) => {
    onChange({ ...proposal, state: kind === "apply" ? "applied" : "dismissed" });
    if (kind === "apply") {
      toast.success("Changes applied.");
      announceProjectChanged();
      router.refresh();
    } else {
      toast("Changes dismissed.");
    }
  });

  return (
    <section className="mt-3 grid gap-3 rounded-xl border bg-background p-3" aria-label="Proposed changes" data-testid="change-card" data-state={proposal.state}>
      <ProposalCardHeader icon={<ListChecksIcon className="size-4" aria-hidden="true" />} title="Proposed changes" state={proposal.state} />
      <ul className="grid list-disc gap-1 pl-5 text-sm">
        {proposal.changes.changes.map((change, index) => (
          <li key={index}>{describeChange(change, proposal.taskTitles)}</li>
        ))}
      </ul>
      <ProposalCardActions open={open} error={error} pending={pending} disabled={disabled} onDecide={(kind) => void decide(kind)} />
    </section>
  );
}
