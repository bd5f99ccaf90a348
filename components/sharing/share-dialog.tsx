"use client";

import { useEffect, useState } from "react";

import { createShareAction, previewShareAction, shareDialogAction } from "@/app/(app)/chat/share-actions";
import { SharedConversation } from "@/components/sharing/shared-conversation";
import { ShareLinkControls, useShareLink } from "@/components/sharing/share-link-controls";
import { ShareOptionsForm, type ShareFormState } from "@/components/sharing/share-options-form";
import { ShareDialogShell } from "@/components/sharing/share-dialog-shell";
import type { ShareDialogData, ShareLink, ShareOptionsInput, SharedView } from "@/lib/shared/sharing/dto";

function toOptions(state: ShareFormState): ShareOptionsInput {
  return { ...state, upToMessageId: state.upToMessageId || undefined };
}

function stateOf(link: ShareLink | null): ShareFormState {
  return link
    ? { upToMessageId: link.upToMessageId ?? "", visibleFields: link.visibleFields, displayName: link.displayName, expiresIn: link.expiresIn }
    : { upToMessageId: "", visibleFields: [], displayName: "", expiresIn: "30" };
}

/** Share → a dialog to choose what a visitor sees, preview it, and create, update, copy or revoke the link. */
export function ShareDialog({ conversationId }: { conversationId: string }) {
  return (
    <ShareDialogShell label="Share" title="Share this conversation" description="Anyone with the link can read a snapshot of it. Details stay hidden unless you tick them." width="sm:max-w-3xl">
      <ShareDialogBody conversationId={conversationId} />
    </ShareDialogShell>
  );
}

function ShareDialogBody({ conversationId }: { conversationId: string }) {
  const [data, setData] = useState<ShareDialogData | null>(null);
  const [state, setState] = useState<ShareFormState>(stateOf(null));
  const [preview, setPreview] = useState<SharedView | null>(null);
  const share = useShareLink();
  const { setLink, setError, error } = share;

  useEffect(() => {
    let current = true;
    void shareDialogAction(conversationId).then((result) => {
      if (!current) return;
      if (!result.ok) return setError({ message: result.error.message, fields: {} });
      setData(result.data);
      setLink(result.data.link);
      setState(stateOf(result.data.link));
    });
    return () => {
      current = false;
    };
  }, [conversationId, setError, setLink]);

  useEffect(() => {
    if (!data) return;
    let current = true;
    void previewShareAction(conversationId, toOptions(state)).then((result) => {
      if (current && result.ok) setPreview(result.data);
    });
    return () => {
      current = false;
    };
  }, [conversationId, data, state]);

  if (!data) {
    return error ? <p role="alert" className="text-sm text-destructive">{error.message}</p> : <p className="text-sm text-muted-foreground" role="status">Loading…</p>;
  }

  return (
    <div className="grid gap-5">
      <ShareOptionsForm data={data} state={state} onChange={setState} fieldErrors={error?.fields ?? {}} />
      <ShareLinkControls
        state={share}
        fieldLabel="Share link"
        summary={(link) => `${link.views} view${link.views === 1 ? "" : "s"} · ${link.messageCount} messages shared`}
        options={toOptions(state)}
        onCreate={() => createShareAction(conversationId, toOptions(state))}
      />
      <section aria-label="Preview of what a visitor sees" className="grid gap-2">
        <h3 className="text-sm font-medium">Preview — exactly what a visitor sees</h3>
        <div className="max-h-96 overflow-y-auto rounded-xl border bg-muted/30 p-4" data-testid="share-preview">
          {preview ? <SharedConversation view={preview} heading="h3" /> : <p className="text-sm text-muted-foreground" role="status">Loading preview…</p>}
        </div>
      </section>
    </div>
  );
}
