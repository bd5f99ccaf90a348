"use client";

import { useState } from "react";
import { CheckIcon, ListChecksIcon, XIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { applyChangesAction, dismissProposalAction } from "@/app/(app)/chat/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
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
  const [pending, setPending] = useState<"apply" | "dismiss" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = proposal.state === "proposed";

  async function decide(kind: "apply" | "dismiss") {
    setPending(kind);
    setError(null);
    const result = kind === "apply" ? await applyChangesAction(messageId) : await dismissProposalAction(messageId);
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      toast.error(result.error.message);
      return;
    }
    onChange({ ...proposal, state: kind === "apply" ? "applied" : "dismissed" });
    if (kind === "apply") {
      toast.success("Changes applied.");
      announceProjectChanged();
      router.refresh();
    } else {
      toast("Changes dismissed.");
    }
  }

  return (
    <section className="mt-3 grid gap-3 rounded-xl border bg-background p-3" aria-label="Proposed changes" data-testid="change-card" data-state={proposal.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="inline-flex items-center gap-2 text-sm font-medium">
          <ListChecksIcon className="size-4" aria-hidden="true" />
          Proposed changes
        </h3>
        {proposal.state === "applied" && <Badge variant="secondary">Applied</Badge>}
        {proposal.state === "dismissed" && <Badge variant="outline">Dismissed</Badge>}
      </div>
      <ul className="grid list-disc gap-1 pl-5 text-sm">
        {proposal.changes.changes.map((change, index) => (
          <li key={index}>{describeChange(change, proposal.taskTitles)}</li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {open && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => void decide("apply")} disabled={disabled || pending !== null}>
            <CheckIcon aria-hidden="true" />
            {pending === "apply" ? "Applying…" : "Apply"}
          </Button>
          <Button size="sm" variant="outline" onClick={() => void decide("dismiss")} disabled={disabled || pending !== null}>
            <XIcon aria-hidden="true" />
            Dismiss
          </Button>
        </div>
      )}
    </section>
  );
}
