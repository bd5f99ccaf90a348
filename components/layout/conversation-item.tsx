"use client";

import Link from "next/link";
import { MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";

import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ConversationSummary } from "@/lib/shared/chat/types";

export interface ConversationItemProps {
  conversation: ConversationSummary;
  active: boolean;
  onNavigate?: () => void;
  onRename: (conversation: ConversationSummary) => void;
  onDelete: (conversation: ConversationSummary) => void;
}

/** One sidebar row: a link to the chat and a menu with Rename and Delete. */
export function ConversationItem({ conversation, active, onNavigate, onRename, onDelete }: ConversationItemProps) {
  const href = `/chat/${conversation.id}`;
  return (
    <li
      data-testid="conversation-item"
      className={cn(
        "group/item relative flex items-center rounded-md text-sm text-sidebar-foreground/80 hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
        active && "bg-sidebar-accent text-sidebar-accent-foreground",
      )}
    >
      <Link
        href={href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        title={`${conversation.title} — ${conversation.roleName}`}
        className="min-w-0 flex-1 truncate rounded-md px-3 py-2 focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50 focus-visible:outline-none"
      >
        {conversation.title}
      </Link>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Actions for ${conversation.title}`}
            className="mr-0.5 shrink-0 opacity-100 md:opacity-0 md:group-hover/item:opacity-100 md:focus-visible:opacity-100 md:data-[state=open]:opacity-100"
          >
            <MoreHorizontalIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-40">
          <DropdownMenuItem onSelect={() => onRename(conversation)}>
            <PencilIcon aria-hidden="true" />
            Rename
          </DropdownMenuItem>
          <DropdownMenuItem variant="destructive" onSelect={() => onDelete(conversation)}>
            <Trash2Icon aria-hidden="true" />
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </li>
  );
}
