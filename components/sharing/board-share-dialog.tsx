"use client";

import { useEffect, useState } from "react";

import { boardShareAction, createBoardShareAction } from "@/app/(app)/projects/board-share-actions";
import { ShareLinkControls, useShareLink } from "@/components/sharing/share-link-controls";
import { ShareNameExpiryFields } from "@/components/sharing/share-options-form";
import { ShareDialogShell } from "@/components/sharing/share-dialog-shell";
import type { BoardShareOptionsInput } from "@/lib/shared/sharing/board";
import type { ShareExpiry, ShareLink } from "@/lib/shared/sharing/dto";

interface BoardShareState {
  includeChat: boolean;
  displayName: string;
  expiresIn: ShareExpiry;
}

function stateOf(link: ShareLink | null): BoardShareState {
  return link ? { includeChat: link.includeChat, displayName: link.displayName, expiresIn: link.expiresIn } : { includeChat: false, displayName: "", expiresIn: "30" };
}

/** Share on the project page: a read-only link to the board (the chat only if ticked), to create, update, copy or revoke. */
export function BoardShareDialog({ projectId }: { projectId: string }) {
  return (
    <ShareDialogShell label="Share board" title="Share this board" description="Anyone with the link can see a snapshot of the project and its tasks. Nothing of you is shown but the name you type." width="sm:max-w-lg">
      <BoardShareBody projectId={projectId} />
    </ShareDialogShell>
  );
}

function BoardShareBody({ projectId }: { projectId: string }) {
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<BoardShareState>(stateOf(null));
  const share = useShareLink();
  const { setLink, setError, error } = share;

  useEffect(() => {
    let current = true;
    void boardShareAction(projectId).then((result) => {
      if (!current) return;
      setLoaded(true);
      if (!result.ok) return setError({ message: result.error.message, fields: {} });
      setLink(result.data);
      setState(stateOf(result.data));
    });
    return () => {
      current = false;
    };
  }, [projectId, setError, setLink]);

  if (!loaded) return <p className="text-sm text-muted-foreground" role="status">Loading…</p>;
  const options: BoardShareOptionsInput = state;
  return (
    <div className="grid gap-5">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 size-4 accent-primary" checked={state.includeChat} onChange={(event) => setState({ ...state, includeChat: event.target.checked })} />
        <span>
          Include the project&apos;s chat
          <span className="block text-xs text-muted-foreground">Off by default. Its details stay hidden, as in a shared conversation.</span>
        </span>
      </label>
      <ShareNameExpiryFields state={state} onChange={(patch) => setState({ ...state, ...patch })} fieldErrors={error?.fields ?? {}} />
      <ShareLinkControls
        state={share}
        fieldLabel="Board share link"
        summary={(link) => `${link.views} view${link.views === 1 ? "" : "s"} · ${link.includeChat ? "with the chat" : "board only"}`}
        options={options}
        onCreate={() => createBoardShareAction(projectId, options)}
      />
    </div>
  );
}
