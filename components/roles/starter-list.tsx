"use client";

import { useFormStatus } from "react-dom";
import { MessageCircleIcon } from "lucide-react";

/** Suggested first messages; each is a submit button of the details form (name "starter"). */
export function StarterList({ starters }: { starters: string[] }) {
  const { pending } = useFormStatus();
  if (starters.length === 0) return null;
  return (
    <section aria-labelledby="starters-title" className="grid gap-3">
      <h2 id="starters-title" className="text-sm font-medium">
        Or start with a suggestion
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {starters.map((starter) => (
          <li key={starter}>
            <button
              type="submit"
              name="starter"
              value={starter}
              disabled={pending}
              className="flex h-full w-full items-start gap-2 rounded-lg border bg-card px-3 py-2 text-left text-sm transition-colors outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50"
            >
              <MessageCircleIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <span>{starter}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
