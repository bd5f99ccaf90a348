import Link from "next/link";
import type { ReactNode } from "react";
import { FlaskConicalIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import type { ChatModelInfo } from "@/lib/shared/chat/types";
import { RoleIcon } from "@/components/roles/role-icon";

export interface ChatHeaderProps {
  roleId: string;
  roleName: string;
  roleIcon: string;
  title: string;
  model: ChatModelInfo;
  /** Buttons at the end of the header (Share). */
  actions?: ReactNode;
}

/** Role and title of the conversation, and which model answers (the demo model says so plainly). */
export function ChatHeader({ roleId, roleName, roleIcon, title, model, actions }: ChatHeaderProps) {
  return (
    <header className="flex flex-wrap items-center gap-3">
      <RoleIcon name={roleIcon} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <h1 className="truncate text-lg font-semibold tracking-tight" data-testid="chat-title">
          {title}
        </h1>
        <Link href={`/roles/${encodeURIComponent(roleId)}`} className="w-fit text-sm text-muted-foreground hover:text-foreground hover:underline">
          {roleName}
        </Link>
      </div>
      {model.isDemo ? (
        <Badge variant="outline" className="max-w-full gap-1 whitespace-normal print:hidden border-amber-500/50 text-amber-700 dark:text-amber-300" data-testid="demo-label">
          <FlaskConicalIcon aria-hidden="true" />
          {model.label}
        </Badge>
      ) : (
        <span className="text-xs text-muted-foreground print:hidden">{model.label}</span>
      )}
      {actions && <div className="flex flex-wrap items-center gap-2 print:hidden">{actions}</div>}
    </header>
  );
}
