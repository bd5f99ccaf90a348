"use client";

import { useState } from "react";
import Link from "next/link";
import { HistoryIcon, Undo2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { restoreBriefValueAction } from "@/app/(app)/roles/actions";
import { Button } from "@/components/ui/button";
import type { BriefHistoryEntryDTO } from "@/lib/shared/api/roles";
import { formatDetailValue } from "@/lib/shared/roles/detail-value";
import { describeChange, formatHistoryTime } from "@/lib/shared/roles/history-text";

function Source({ entry }: { entry: BriefHistoryEntryDTO }) {
  if (entry.source === "chat" && entry.conversationId) {
    return (
      <>
        from{" "}
        <Link className="underline underline-offset-2" href={`/chat/${entry.conversationId}`}>
          a chat
        </Link>
      </>
    );
  }
  return <>{entry.source === "restore" ? "restored from history" : "edited in the form"}</>;
}

/** The brief's changes, newest first; each can put back the value it replaced. */
export function BriefHistory({ roleId, items }: { roleId: string; items: BriefHistoryEntryDTO[] }) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function restore(entry: BriefHistoryEntryDTO) {
    setPending(entry.id);
    setError(null);
    const result = await restoreBriefValueAction(roleId, entry.id);
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(`${entry.label} restored to ${formatDetailValue(entry.previous)}.`);
    router.refresh();
  }

  if (items.length === 0) {
    return <p className="text-sm text-muted-foreground">No changes yet. When you edit your details, or apply an update the AI proposes in a chat, it shows here.</p>;
  }
  return (
    <div className="grid gap-2">
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <ol className="grid gap-2" aria-label="Changes, newest first" data-testid="brief-history">
        {items.map((entry) => (
          <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border p-2 text-sm" data-testid="brief-history-entry">
            <div className="grid gap-0.5">
              <span className="font-medium break-words">{describeChange(entry)}</span>
              <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
                <HistoryIcon className="size-3" aria-hidden="true" />
                <time dateTime={entry.at}>{formatHistoryTime(entry.at)}</time>, <Source entry={entry} />
              </span>
            </div>
            {entry.previous !== undefined && (
              <Button size="sm" variant="outline" onClick={() => void restore(entry)} disabled={pending !== null}>
                <Undo2Icon aria-hidden="true" />
                {pending === entry.id ? (
                  "Restoring…"
                ) : (
                  // The visible words stay short on a phone; the name says which detail ("Restore Age to 40").
                  <span>
                    Restore <span className="sr-only">{entry.label} to </span>
                    {formatDetailValue(entry.previous)}
                  </span>
                )}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
