import { DatabaseIcon } from "lucide-react";

import { cn } from "@/components/ui/cn";
import type { DbKind } from "@/components/layout/types";

export interface DbBadgeProps {
  dbKind: DbKind | undefined;
  className?: string;
}

/** Says, quietly, that the embedded stand-in database is in use; renders nothing otherwise. */
export function DbBadge({ dbKind, className }: DbBadgeProps) {
  if (dbKind !== "embedded") return null;
  return (
    <p data-testid="db-badge" className={cn("inline-flex items-center gap-1.5 text-xs text-muted-foreground", className)}>
      <DatabaseIcon className="size-3" aria-hidden="true" />
      Embedded dev database (not for production)
    </p>
  );
}
