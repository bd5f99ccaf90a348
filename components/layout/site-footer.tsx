import { cn } from "@/components/ui/cn";
import { DbBadge } from "@/components/layout/db-badge";
import type { DbKind } from "@/components/layout/types";

export interface SiteFooterProps {
  dbKind?: DbKind;
  className?: string;
}

/** Page footer: product name and, in development on the embedded database, a notice. */
export function SiteFooter({ dbKind, className }: SiteFooterProps) {
  return (
    <footer
      className={cn(
        "flex flex-wrap items-center justify-between gap-2 border-t px-4 py-3 text-xs text-muted-foreground md:px-6",
        className,
      )}
    >
      <span>ChatCraft</span>
      <DbBadge dbKind={dbKind} />
    </footer>
  );
}
