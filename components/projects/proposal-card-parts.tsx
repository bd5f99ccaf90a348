"use client";

import { useState, type ReactNode } from "react";
import { CheckIcon, XIcon } from "lucide-react";
import { toast } from "sonner";

import { dismissProposalAction } from "@/app/(app)/chat/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/shared/action-result";
import type { ProposalState } from "@/lib/shared/chat/types";

export type Decision = "apply" | "dismiss";

/**
 * Apply (the card's own action) or Dismiss, with the pending button and the refusal shown
 * beside the buttons; `onDecided` runs only when the server accepted.
 */
export function useProposalDecision(messageId: string, apply: () => Promise<ActionResult<unknown>>, onDecided: (kind: Decision) => void) {
  const [pending, setPending] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function decide(kind: Decision) {
    setPending(kind);
    setError(null);
    const result = kind === "apply" ? await apply() : await dismissProposalAction(messageId);
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      toast.error(result.error.message);
      return;
    }
    onDecided(kind);
  }
  return { pending, error, decide };
}

/** A proposal card's title line with its decided state, shared by the change and details cards. */
export function ProposalCardHeader({ icon, title, state }: { icon: ReactNode; title: string; state: ProposalState }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h3 className="inline-flex items-center gap-2 text-sm font-medium">
        {icon}
        {title}
      </h3>
      {state === "applied" && <Badge variant="secondary">Applied</Badge>}
      {state === "dismissed" && <Badge variant="outline">Dismissed</Badge>}
    </div>
  );
}

export interface ProposalCardActionsProps {
  open: boolean;
  error: string | null;
  pending: Decision | null;
  disabled?: boolean;
  onDecide: (kind: Decision) => void;
}

/** The refusal (beside the buttons) and Apply / Dismiss while the card is still open. */
export function ProposalCardActions({ open, error, pending, disabled, onDecide }: ProposalCardActionsProps) {
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {open && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => onDecide("apply")} disabled={disabled || pending !== null}>
            <CheckIcon aria-hidden="true" />
            {pending === "apply" ? "Applying…" : "Apply"}
          </Button>
          <Button size="sm" variant="outline" onClick={() => onDecide("dismiss")} disabled={disabled || pending !== null}>
            <XIcon aria-hidden="true" />
            Dismiss
          </Button>
        </div>
      )}
    </>
  );
}
