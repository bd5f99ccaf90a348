"use client";

import { useState } from "react";
import { UserPenIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { applyDetailsUpdateAction } from "@/app/(app)/chat/actions";
import { ProposalCardActions, ProposalCardHeader, useProposalDecision } from "@/components/projects/proposal-card-parts";
import { Checkbox } from "@/components/ui/checkbox";
import type { DetailsProposalDTO, ProposalDTO } from "@/lib/shared/chat/types";
import { formatDetailValue } from "@/lib/shared/roles/detail-value";

export interface DetailsUpdateCardProps {
  messageId: string;
  proposal: DetailsProposalDTO & { state: ProposalDTO["state"] };
  /** A reply is streaming: deciding now could race it. */
  disabled?: boolean;
  onChange: (proposal: ProposalDTO) => void;
}

/**
 * A new value for one of the role's remembered details: field, old → new, and the user's sentence.
 * Nothing changes until Apply; other roles sharing the field are updated only if ticked.
 */
export function DetailsUpdateCard({ messageId, proposal, disabled, onChange }: DetailsUpdateCardProps) {
  const router = useRouter();
  const [alsoRoles, setAlsoRoles] = useState<string[]>([]);
  const open = proposal.state === "proposed";
  const { pending, error, decide } = useProposalDecision(messageId, () => applyDetailsUpdateAction(messageId, alsoRoles), (kind) => {
    onChange({ ...proposal, state: kind === "apply" ? "applied" : "dismissed" });
    if (kind === "apply") {
      toast.success(`${proposal.label} updated.`);
      router.refresh();
    } else {
      toast("Update dismissed.");
    }
  });

  const toggle = (roleId: string, checked: boolean) => setAlsoRoles((current) => (checked ? [...current, roleId] : current.filter((id) => id !== roleId)));

  return (
    <section className="mt-3 grid gap-3 rounded-xl border bg-background p-3" aria-label="Proposed details update" data-testid="details-update-card" data-state={proposal.state}>
      <ProposalCardHeader icon={<UserPenIcon className="size-4" aria-hidden="true" />} title="Update your details" state={proposal.state} />
      <p className="text-sm" data-testid="details-update-change">
        <span className="font-medium">{proposal.label}</span>: <span className="text-muted-foreground line-through decoration-1">{formatDetailValue(proposal.from)}</span>
        <span aria-label="changes to"> → </span>
        <span className="font-medium">{formatDetailValue(proposal.to)}</span>
      </p>
      <blockquote className="border-l-2 pl-3 text-sm text-muted-foreground break-words">“{proposal.sentence}”</blockquote>
      {open && proposal.sharedRoles && proposal.sharedRoles.length > 0 && (
        <fieldset className="grid gap-2 text-sm">
          <legend className="mb-1 text-muted-foreground">Other roles that remember your {proposal.label.toLowerCase()}:</legend>
          {proposal.sharedRoles.map((role) => (
            <label key={role.roleId} className="inline-flex items-center gap-2">
              <Checkbox checked={alsoRoles.includes(role.roleId)} onCheckedChange={(checked) => toggle(role.roleId, checked === true)} disabled={pending !== null} />
              Also update {role.roleName}
            </label>
          ))}
        </fieldset>
      )}
      <ProposalCardActions open={open} error={error} pending={pending} disabled={disabled} onDecide={(kind) => void decide(kind)} />
    </section>
  );
}
