"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Loader2Icon } from "lucide-react";

import { revokeShareAction, updateShareAction } from "@/app/(app)/chat/share-actions";
import { CopyButton } from "@/components/chat/copy-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/shared/action-result";
import { sharePath, type ShareLink } from "@/lib/shared/sharing/dto";

export interface ShareRefusal {
  message: string;
  fields: Record<string, string[]>;
}

/** A Share dialog's link and its last refusal; `run` calls an action and keeps what it answered. */
export function useShareLink() {
  const [link, setLink] = useState<ShareLink | null>(null);
  const [error, setError] = useState<ShareRefusal | null>(null);
  const [pending, startTransition] = useTransition();
  function run(action: () => Promise<ActionResult<ShareLink | null>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setError({ message: result.error.message, fields: result.error.fields ?? {} });
      setLink(result.data);
    });
  }
  return { link, setLink, error, setError, pending, run };
}

export interface ShareLinkControlsProps {
  state: ReturnType<typeof useShareLink>;
  /** The accessible name of the link's text box. */
  fieldLabel: string;
  /** A line under the link (views, what is shared). */
  summary: (link: ShareLink) => ReactNode;
  /** The options Update link sends. */
  options: unknown;
  onCreate: () => Promise<ActionResult<ShareLink>>;
}

/** The refusal, the link to copy, and Create / Update / Revoke: the conversation's and the board's dialogs alike. */
export function ShareLinkControls({ state, fieldLabel, summary, options, onCreate }: ShareLinkControlsProps) {
  const { link, error, pending, run } = state;
  const url = link ? `${window.location.origin}${sharePath(link.token, link.kind)}` : "";
  return (
    <>
      {error && <p role="alert" className="text-sm text-destructive">{error.message}</p>}
      {link && (
        <div className="grid gap-1.5">
          <div className="flex items-center gap-2">
            <Input readOnly value={url} aria-label={fieldLabel} className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <CopyButton getText={() => url} label="Copy link" className="h-9" />
          </div>
          <p className="text-xs text-muted-foreground">{summary(link)}</p>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {pending && <Loader2Icon className="size-4 animate-spin self-center" aria-label="Working" />}
        {link ? (
          <>
            <Button variant="outline" disabled={pending} onClick={() => run(() => revokeShareAction(link.id).then((result) => (result.ok ? { ok: true as const, data: null } : result)))}>
              Revoke link
            </Button>
            <Button disabled={pending} onClick={() => run(() => updateShareAction(link.id, options))}>Update link</Button>
          </>
        ) : (
          <Button disabled={pending} onClick={() => run(onCreate)}>Create link</Button>
        )}
      </div>
    </>
  );
}
