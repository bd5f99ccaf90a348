"use client";

import { useState } from "react";
import { toast } from "sonner";
import { CopyButton } from "@/components/chat/copy-button";
import { ApiTokenForm } from "@/components/settings/api-token-form";
import { ApiTokenList } from "@/components/settings/api-token-list";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CreatedToken, TokenInfo } from "@/lib/shared/api/tokens";

export interface ApiTokensSectionProps {
  initialTokens: TokenInfo[];
}

/** Settings → API tokens: create (the secret is shown once, with Copy), list, revoke. */
export function ApiTokensSection({ initialTokens }: ApiTokensSectionProps) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <div className="grid gap-6">
      <ApiTokenForm
        onCreated={(next) => {
          setCreated(next);
          setTokens((current) => [next.info, ...current]);
          toast.success("Token created. Copy it now.");
        }}
      />
      {created && (
        <Alert role="status">
          <AlertTitle>Copy your new token now — it will not be shown again</AlertTitle>
          <AlertDescription className="grid gap-2">
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="new-api-token" className="rounded bg-muted px-2 py-1 font-mono text-xs break-all">
                {created.token}
              </code>
              <CopyButton getText={() => created.token} label="Copy token" />
            </div>
            <p>
              Send it as <code className="font-mono">Authorization: Bearer …</code>. See <a className="underline" href="/docs/api">the API reference</a>.
            </p>
            <Button variant="ghost" size="sm" className="justify-self-start" onClick={() => setCreated(null)}>
              Done, I have copied it
            </Button>
          </AlertDescription>
        </Alert>
      )}
      <ApiTokenList
        tokens={tokens}
        onRevoked={(id) => {
          setTokens((current) => current.filter((token) => token.id !== id));
          if (created?.info.id === id) setCreated(null);
        }}
      />
    </div>
  );
}
