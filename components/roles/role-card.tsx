import Link from "next/link";

import { RoleBadges } from "@/components/roles/role-badges";
import type { RoleSummary } from "@/lib/shared/chat/types";
import { RoleIcon } from "@/components/roles/role-icon";

/** A catalog card; the whole card is one link to the role page. */
export function RoleCard({ role }: { role: RoleSummary }) {
  return (
    <li data-testid="role-card">
      <Link
        href={`/roles/${encodeURIComponent(role.id)}`}
        className="group flex h-full flex-col gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-xs transition-colors outline-none hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <div className="flex items-start gap-3">
          <RoleIcon name={role.icon} />
          <div className="grid min-w-0 gap-1">
            <h2 className="leading-tight font-medium group-hover:underline group-hover:underline-offset-4">{role.name}</h2>
            <RoleBadges category={role.category} isCustom={role.isCustom} />
          </div>
        </div>
        <p className="line-clamp-3 text-sm text-muted-foreground">{role.description}</p>
      </Link>
    </li>
  );
}
