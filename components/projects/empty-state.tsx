import type { ReactNode } from "react";

/** A dashed panel for "nothing here yet": icon, heading, a sentence, and what to do next. */
export function EmptyState({ id, icon, title, children, actions }: { id: string; icon: ReactNode; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-12 text-center">
      <span className="grid size-12 place-items-center rounded-full bg-muted [&_svg]:size-6 [&_svg]:text-muted-foreground">{icon}</span>
      <h2 id={id} className="text-lg font-medium">
        {title}
      </h2>
      <p className="max-w-md text-sm text-muted-foreground">{children}</p>
      <div className="flex flex-wrap justify-center gap-2">{actions}</div>
    </section>
  );
}
