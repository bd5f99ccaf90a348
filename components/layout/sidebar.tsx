"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FolderKanbanIcon, LayoutDashboardIcon, PlusIcon, SearchIcon, SettingsIcon, SparklesIcon } from "lucide-react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/components/ui/cn";
import { ConversationList } from "@/components/layout/conversation-list";
import type { SidebarConversation } from "@/components/layout/types";

interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

// Kept inside this client module: icons are components, which cannot cross the server/client
// boundary as props.
const navItems: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboardIcon },
  { href: "/roles", label: "Roles", icon: SparklesIcon },
  { href: "/search", label: "Search", icon: SearchIcon },
  { href: "/settings", label: "Settings", icon: SettingsIcon },
];

const projectItems: readonly NavItem[] = [
  { href: "/projects", label: "All projects", icon: FolderKanbanIcon },
  { href: "/projects/new", label: "Create project", icon: PlusIcon },
];

export interface SidebarProps {
  /** Unused: the conversation list loads itself (paged by cursor). Kept so callers stay valid. */
  conversations?: readonly SidebarConversation[];
  /** Called after a link is followed (the mobile sheet uses it to close itself). */
  onNavigate?: () => void;
  className?: string;
}

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** "All projects" stays current on a project's page, but not on "Create project". */
function isCurrent(pathname: string, href: string): boolean {
  if (href === "/projects") return isActive(pathname, href) && !isActive(pathname, "/projects/new");
  return isActive(pathname, href);
}

const linkClass =
  "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50 focus-visible:outline-none aria-[current=page]:bg-sidebar-accent aria-[current=page]:text-sidebar-accent-foreground";

function NavList({ items, pathname, onNavigate }: { items: readonly NavItem[]; pathname: string; onNavigate?: () => void }) {
  return (
    <ul className="grid gap-1">
      {items.map(({ href, label, icon: Icon }) => (
        <li key={href}>
          <Link href={href} onClick={onNavigate} aria-current={isCurrent(pathname, href) ? "page" : undefined} className={linkClass}>
            <Icon className="size-4" aria-hidden="true" />
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Primary navigation, projects, and the user's conversations. */
export function Sidebar({ onNavigate, className }: SidebarProps) {
  const pathname = usePathname();

  return (
    <nav aria-label="Main" className={cn("flex h-full flex-col gap-6 p-3", className)}>
      <NavList items={navItems} pathname={pathname} onNavigate={onNavigate} />

      <section aria-labelledby="sidebar-projects" className="grid gap-1">
        <h2 id="sidebar-projects" className="px-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Projects
        </h2>
        <NavList items={projectItems} pathname={pathname} onNavigate={onNavigate} />
      </section>

      <section aria-labelledby="sidebar-conversations" className="flex min-h-0 flex-1 flex-col gap-2">
        <h2
          id="sidebar-conversations"
          className="px-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase"
        >
          Conversations
        </h2>
        <ConversationList onNavigate={onNavigate} />
      </section>
    </nav>
  );
}
