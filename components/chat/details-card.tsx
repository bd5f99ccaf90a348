"use client";

import { useId, useState } from "react";
import { ChevronDownIcon, NotebookPenIcon, PencilIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { MessageDTO } from "@/lib/shared/chat/types";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { detailLines } from "@/components/chat/details-summary";
import { EditDetailsDialog } from "@/components/chat/edit-details-dialog";

export interface DetailsCardProps {
  conversationId: string;
  fields: RoleField[];
  details: Record<string, unknown>;
  /** After a successful edit: the saved details and the notice to show in the conversation. */
  onUpdated: (details: Record<string, unknown>, notice: MessageDTO) => void;
  disabled?: boolean;
}

/** "What the AI knows": the conversation's details, collapsible, with "Edit details". */
export function DetailsCard({ conversationId, fields, details, onUpdated, disabled }: DetailsCardProps) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const panelId = useId();
  const lines = detailLines(fields, details);
  if (fields.length === 0) return null;

  return (
    <section aria-label="Details the AI knows" className="rounded-xl border bg-card text-sm" data-testid="details-card">
      <div className="flex items-center gap-2 px-3 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
          className="flex min-w-0 flex-1 items-center gap-2 rounded-md py-1 text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <NotebookPenIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <span className="font-medium whitespace-nowrap">What the AI knows</span>
          <span className="hidden truncate text-muted-foreground sm:inline">
            {lines.length === 0 ? "· no details given" : `· ${lines.map((line) => line.value).join(" · ")}`}
          </span>
          <ChevronDownIcon className={cn("ml-auto size-4 shrink-0 transition-transform", open && "rotate-180")} aria-hidden="true" />
        </button>
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)} disabled={disabled}>
          <PencilIcon aria-hidden="true" />
          Edit details
        </Button>
      </div>
      <div id={panelId} hidden={!open} className="border-t px-3 py-3">
        {lines.length === 0 ? (
          <p className="text-muted-foreground">No details were given. Add some to get more specific answers.</p>
        ) : (
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
            {lines.map((line) => (
              <div key={line.key} className="contents">
                <dt className="text-muted-foreground">{line.label}</dt>
                <dd className="break-words whitespace-pre-wrap">{line.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <EditDetailsDialog
        open={editing}
        onOpenChange={setEditing}
        conversationId={conversationId}
        fields={fields}
        details={details}
        onUpdated={onUpdated}
      />
    </section>
  );
}
