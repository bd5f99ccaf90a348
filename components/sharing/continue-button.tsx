"use client";

import { useActionState } from "react";
import { Loader2Icon } from "lucide-react";

import { continueShareAction } from "@/app/s/[token]/actions";
import { Button } from "@/components/ui/button";
import { formRefusal } from "@/lib/shared/action-result";

/** A private copy of the shared messages in the visitor's own account, with their own details. */
export function ContinueButton({ token }: { token: string }) {
  const [state, action, pending] = useActionState(continueShareAction, null);
  const refusal = formRefusal(state);
  return (
    <form action={action} className="grid justify-items-start gap-2">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
        Continue in my account
      </Button>
      {refusal.message && <p role="alert" className="text-sm text-destructive">{refusal.message}</p>}
    </form>
  );
}
