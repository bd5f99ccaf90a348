"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FolderKanbanIcon, FolderPlusIcon } from "lucide-react";
import { toast } from "sonner";

import { createProjectFromPlanAction } from "@/app/(app)/chat/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { announceConversationsChanged } from "@/components/layout/conversation-events";
import { draftErrorsFromFields, draftFromPlan, toPlan, type DraftErrors, type DraftTask, type PlanDraft } from "@/components/projects/plan-draft";
import { PlanTaskRow } from "@/components/projects/plan-task-row";
import type { ProposalDTO } from "@/lib/shared/chat/types";
import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "@/lib/shared/projects/plan-schema";

type PlanProposal = Extract<ProposalDTO, { kind: "plan" }>;

export interface PlanCardProps {
  messageId: string;
  proposal: PlanProposal;
  disabled?: boolean;
  onChange: (proposal: ProposalDTO) => void;
}

/**
 * A proposed plan the user shapes before anything exists: untick tasks, edit titles, priorities
 * and dates, then Create project (validated here and again on the server) opens the new board.
 */
export function PlanCard({ messageId, proposal, disabled, onChange }: PlanCardProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(proposal.plan));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [pending, setPending] = useState(false);

  if (proposal.state !== "proposed") {
    return (
      <section className="mt-3 grid gap-2 rounded-xl border bg-background p-3" aria-label="Proposed plan" data-testid="plan-card" data-state={proposal.state}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <FolderKanbanIcon className="size-4" aria-hidden="true" />
          <span className="font-medium">{proposal.plan.name}</span>
          <Badge variant={proposal.state === "applied" ? "secondary" : "outline"}>
            {proposal.state === "applied" ? `Project created · ${proposal.plan.tasks.length} tasks` : "Dismissed"}
          </Badge>
        </div>
        {proposal.projectId && (
          <Button asChild size="sm" variant="outline" className="w-fit">
            <Link href={`/projects/${proposal.projectId}`}>Open project</Link>
          </Button>
        )}
      </section>
    );
  }

  const updateTask = (key: number, change: Partial<DraftTask>) =>
    setDraft((previous) => ({ ...previous, tasks: previous.tasks.map((task) => (task.key === key ? { ...task, ...change } : task)) }));
  const kept = draft.tasks.filter((task) => task.keep).length;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = toPlan(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await createProjectFromPlanAction(messageId, checked.plan);
    setPending(false);
    if (!result.ok) {
      setErrors({ form: result.error.message, ...draftErrorsFromFields(draft, result.error.fields ?? {}) });
      toast.error(result.error.message);
      return;
    }
    onChange({ ...proposal, state: "applied", plan: checked.plan, projectId: result.data.projectId });
    announceConversationsChanged();
    toast.success(`Project “${checked.plan.name}” created.`);
    router.push(`/projects/${result.data.projectId}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 rounded-xl border bg-background p-3" aria-label="Proposed plan" data-testid="plan-card" data-state="proposed">
      <FormField id={`plan-${messageId}-name`} label="Project name" error={errors.name}>
        <Input value={draft.name} maxLength={PROJECT_NAME_MAX} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      </FormField>
      <FormField id={`plan-${messageId}-description`} label="Description" error={errors.description}>
        <Textarea
          rows={2}
          value={draft.description}
          maxLength={PROJECT_DESCRIPTION_MAX}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">
          Tasks <span className="font-normal text-muted-foreground">({kept} of {draft.tasks.length} kept)</span>
        </legend>
        <ol className="grid gap-2">
          {draft.tasks.map((task, index) => (
            <PlanTaskRow
              key={task.key}
              idPrefix={`plan-${messageId}-task-${task.key}`}
              position={index + 1}
              task={task}
              errors={errors}
              onChange={(change) => updateTask(task.key, change)}
            />
          ))}
        </ol>
        {errors.tasks && (
          <p role="alert" className="text-sm text-destructive">
            {errors.tasks}
          </p>
        )}
      </fieldset>
      {errors.form && (
        <p role="alert" className="text-sm text-destructive" data-testid="plan-error">
          {errors.form}
        </p>
      )}
      <Button type="submit" size="sm" className="w-fit" disabled={disabled || pending || kept === 0}>
        <FolderPlusIcon aria-hidden="true" />
        {pending ? "Creating…" : "Create project"}
      </Button>
    </form>
  );
}
