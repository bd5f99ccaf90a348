"use client";

import { useState } from "react";
import Link from "next/link";
import { toast } from "sonner";

import { revokeShareAction } from "@/app/(app)/chat/share-actions";
import { CopyButton } from "@/components/chat/copy-button";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { sharePath, type ShareLink } from "@/lib/shared/sharing/dto";

function formatDate(iso: string | null, fallback: string): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : fallback;
}

function stateOf(link: ShareLink, now: number): "live" | "revoked" | "expired" {
  if (link.revokedAt) return "revoked";
  return link.expiresAt && Date.parse(link.expiresAt) <= now ? "expired" : "live";
}

/** Settings → Shared links: every link with its views; copy and revoke the live ones. */
export function SharedLinksSection({ initialLinks }: { initialLinks: ShareLink[] }) {
  const [links, setLinks] = useState(initialLinks);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const [now] = useState(() => Date.now());

  if (links.length === 0) {
    return <p className="text-sm text-muted-foreground">No shared links. Use Share in a conversation, or Share board on a project, to create one.</p>;
  }
  return (
    <>
      <ul className="divide-y rounded-md border" aria-label="Shared links">
        {links.map((link) => {
          const state = stateOf(link, now);
          return (
            <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-3 text-sm">
              <div className="grid min-w-0 flex-1 gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={link.kind === "board" ? `/projects/${link.projectId}` : `/chat/${link.conversationId}`} className="font-medium break-all hover:underline">{link.title}</Link>
                  {link.kind === "board" && <Badge variant="outline">Board</Badge>}
                  {state !== "live" && <Badge variant="secondary">{state === "revoked" ? "Revoked" : "Expired"}</Badge>}
                </div>
                <p className="text-muted-foreground">
                  {link.views} view{link.views === 1 ? "" : "s"} · {link.kind === "board" ? (link.includeChat ? "board and chat" : "board") : `${link.messageCount} messages`} · updated {formatDate(link.updatedAt, "")} · expires{" "}
                  {formatDate(link.expiresAt, "never")}
                </p>
              </div>
              {state === "live" && (
                <div className="flex gap-1">
                  <CopyButton getText={() => `${window.location.origin}${sharePath(link.token, link.kind)}`} label="Copy link" />
                  <Button variant="outline" size="sm" onClick={() => setRevoking(link)} aria-label={`Revoke link to ${link.title}`}>
                    Revoke
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title="Revoke this link?"
        description="Anyone opening it gets “not found” from now on. This cannot be undone."
        confirmLabel="Revoke link"
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeShareAction(revoking.id);
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          const revokedAt = new Date().toISOString();
          setLinks((current) => current.map((link) => (link.id === revoking.id ? { ...link, revokedAt } : link)));
          toast.success("Link revoked.");
        }}
      />
    </>
  );
}
