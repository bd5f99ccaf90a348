import Link from "next/link";
import { MessageSquareTextIcon } from "lucide-react";

import { cn } from "@/components/ui/cn";

export interface LogoProps {
  href?: string;
  className?: string;
}

/** The ChatCraft wordmark, linking home. */
export function Logo({ href = "/", className }: LogoProps) {
  return (
    <Link
      href={href}
      className={cn("inline-flex items-center gap-2 rounded-md font-semibold tracking-tight", className)}
    >
      <span className="grid size-7 place-items-center rounded-md bg-primary text-primary-foreground">
        <MessageSquareTextIcon className="size-4" aria-hidden="true" />
      </span>
      ChatCraft
    </Link>
  );
}
