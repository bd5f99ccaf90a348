import { createElement } from "react";

import { cn } from "@/components/ui/cn";
import { roleIconFor } from "@/components/roles/role-icons";

export interface RoleIconProps {
  name: string | undefined;
  className?: string;
  /** Size of the rounded tile around the icon. */
  size?: "sm" | "md" | "lg";
}

const tile = { sm: "size-7 [&>svg]:size-4", md: "size-10 [&>svg]:size-5", lg: "size-12 [&>svg]:size-6" } as const;

/** A role's icon on a soft tile; decorative (the role's name is always next to it). */
export function RoleIcon({ name, className, size = "md" }: RoleIconProps) {
  return (
    <span className={cn("grid shrink-0 place-items-center rounded-lg bg-primary/10 text-primary dark:bg-primary/20", tile[size], className)}>
      {createElement(roleIconFor(name), { "aria-hidden": true })}
    </span>
  );
}
