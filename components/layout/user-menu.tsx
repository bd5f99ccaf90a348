"use client";

import Link from "next/link";
import { useFormStatus } from "react-dom";
import { LogOutIcon, SettingsIcon } from "lucide-react";

import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ShellUser, SignOutAction } from "@/components/layout/types";
import { userInitials } from "@/components/layout/user-initials";

export interface UserMenuProps {
  user: ShellUser;
  /** Server action run by the "Sign out" item (submitted as a form action). */
  onSignOut: SignOutAction;
  /** Where the "Settings" item links. */
  settingsHref?: string;
}

function SignOutItem() {
  const { pending } = useFormStatus();
  return (
    <DropdownMenuItem
      asChild
      disabled={pending}
      // Keep the menu (and so the form) mounted until the action finishes and redirects.
      onSelect={(event) => event.preventDefault()}
    >
      <button type="submit" className="w-full">
        <LogOutIcon aria-hidden="true" />
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </DropdownMenuItem>
  );
}

/** Avatar button that opens the account menu: who is signed in, Settings, Sign out. */
export function UserMenu({ user, onSignOut, settingsHref = "/settings" }: UserMenuProps) {
  const displayName = user.name?.trim() || user.username;
  const initials = userInitials(user);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {/* The name starts with the initials the button shows (WCAG 2.5.3, label in name). */}
        <Button variant="ghost" size="icon" className="rounded-full" aria-label={`${initials} — open user menu`}>
          <Avatar className="size-8">
            <AvatarFallback>{initials}</AvatarFallback>
          </Avatar>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="grid gap-0.5 font-normal">
          <span className="truncate text-sm font-medium">{displayName}</span>
          <span className="truncate text-xs text-muted-foreground">@{user.username}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={settingsHref}>
            <SettingsIcon aria-hidden="true" />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <form action={onSignOut}>
          <SignOutItem />
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
