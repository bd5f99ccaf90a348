import type { ReactNode } from "react";

import { cn } from "@/components/ui/cn";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Logo } from "@/components/layout/logo";
import { UserMenu } from "@/components/layout/user-menu";
import type { ShellUser, SignOutAction } from "@/components/layout/types";

export interface SiteHeaderProps {
  /** Signed-in user; when absent the header shows `actions` (e.g. Sign in links) instead. */
  user?: ShellUser;
  onSignOut?: SignOutAction;
  /** Rendered before the logo; the app shell puts the "Open sidebar" button here. */
  leading?: ReactNode;
  /** Extra controls before the theme toggle. */
  actions?: ReactNode;
  logoHref?: string;
  className?: string;
}

/** Sticky top bar: logo, theme toggle and the user menu. */
export function SiteHeader({
  user,
  onSignOut,
  leading,
  actions,
  logoHref = "/",
  className,
}: SiteHeaderProps) {
  return (
    <header
      className={cn(
        "sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-6",
        className,
      )}
    >
      {leading}
      <Logo href={logoHref} />
      <div className="ml-auto flex items-center gap-1">
        {actions}
        <ThemeToggle />
        {user && onSignOut && <UserMenu user={user} onSignOut={onSignOut} />}
      </div>
    </header>
  );
}
