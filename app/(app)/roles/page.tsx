import type { Metadata } from "next";
import Link from "next/link";
import { PlusIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { RoleCatalog } from "@/components/roles/role-catalog";
import { requireUser } from "@/lib/server/services/auth/session";
import { listRolesForUser } from "@/lib/server/services/chat/queries";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const user = await requireUser("/roles");
  const roles = await listRolesForUser(user);

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Roles</h1>
          <p className="text-muted-foreground">Pick who you want to talk to. Fill in the details once; ChatCraft remembers them.</p>
        </div>
        <Button asChild>
          <Link href="/roles/new">
            <PlusIcon aria-hidden="true" />
            New role
          </Link>
        </Button>
      </div>
      <RoleCatalog roles={roles} />
    </div>
  );
}
