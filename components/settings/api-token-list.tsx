"use client";

import { useState } from "react";
import { toast } from "sonner";
import { revokeApiTokenAction } from "@/app/(app)/settings/api-token-actions";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TokenInfo } from "@/lib/shared/api/tokens";

function formatDate(iso: string | null, fallback: string): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }) : fallback;
}

export interface ApiTokenListProps {
  tokens: TokenInfo[];
  onRevoked: (id: string) => void;
}

/** The user's tokens (never the secret), each with Revoke behind a confirmation. */
export function ApiTokenList({ tokens, onRevoked }: ApiTokenListProps) {
  const [revoking, setRevoking] = useState<TokenInfo | null>(null);

  if (tokens.length === 0) {
    return <p className="text-sm text-muted-foreground">No tokens yet. Create one to call the API from a script.</p>;
  }

  return (
    <>
      <ul className="divide-y rounded-md border" aria-label="API tokens">
        {tokens.map((token) => (
          <li key={token.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-3 text-sm">
            <div className="grid min-w-0 flex-1 gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-all">{token.name}</span>
                <Badge variant="secondary">{token.scope === "read" ? "Read only" : "Read and write"}</Badge>
              </div>
              <p className="text-muted-foreground">
                <code className="font-mono">{token.prefix}…</code> · created {formatDate(token.createdAt, "")} · last used{" "}
                {formatDate(token.lastUsedAt, "never")} · expires {formatDate(token.expiresAt, "never")}
              </p>
            </div>
            <Button variant="outline" size="sm" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Programs using this token stop working at once. This cannot be undone."
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeApiTokenAction(revoking.id);
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          onRevoked(revoking.id);
          toast.success("Token revoked.");
        }}
      />
    </>
  );
}
