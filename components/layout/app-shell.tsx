import type { ReactNode } from "react";

import { cn } from "@/components/ui/cn";
import { MobileSidebar } from "@/components/layout/mobile-sidebar";
import { Sidebar } from "@/components/layout/sidebar";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { CommandPalette } from "@/components/search/command-palette";
import type { DbKind, ShellUser, SidebarConversation, SignOutAction } from "@/components/layout/types";

export interface AppShellProps {
  user: ShellUser;
  /** Server action that signs the user out (used as the user menu's form action). */
  onSignOut: SignOutAction;
  dbKind?: DbKind;
  conversations?: readonly SidebarConversation[];
  /** Classes for <main>; chat pages pass e.g. "p-0" to use the full height. */
  mainClassName?: string;
  children: ReactNode;
}

/**
 * The signed-in frame: header with user menu, a sidebar (a slide-over sheet on phones), the page
 * in <main>, and the footer. Purely presentational: the caller loads the user and conversations.
 */
export function AppShell({
  user,
  onSignOut,
  dbKind,
  conversations,
  mainClassName,
  children,
}: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <SiteHeader
        user={user}
        onSignOut={onSignOut}
        logoHref="/dashboard"
        className="print:hidden"
        leading={<MobileSidebar conversations={conversations} />}
      />
      <div className="flex flex-1">
        <aside className="sticky top-14 hidden print:hidden h-[calc(100dvh-3.5rem)] w-64 shrink-0 overflow-y-auto border-r bg-sidebar md:block">
          <Sidebar conversations={conversations} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <main id="main" tabIndex={-1} className={cn("flex-1 p-4 outline-none md:p-6 print:p-0", mainClassName)}>
            {children}
          </main>
          <SiteFooter dbKind={dbKind} className="print:hidden" />
        </div>
      </div>
      <CommandPalette />
    </div>
  );
}
