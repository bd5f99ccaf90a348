import type { Metadata } from "next";
import { BackToRolesLink } from "@/components/roles/back-to-roles-link";

import { RoleBuilderLoader } from "@/components/roles/builder/role-builder-loader";
import { requireUser } from "@/lib/server/services/auth/session";
import { listRolesForUser } from "@/lib/server/services/chat/queries";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage() {
  const user = await requireUser("/roles/new");
  const categories = [...new Set((await listRolesForUser(user)).map((role) => role.category))].sort();

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <BackToRolesLink />
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">New role</h1>
        <p className="text-muted-foreground">Describe the expert you want, and the details it should always know.</p>
      </div>
      <RoleBuilderLoader categories={categories} />
    </div>
  );
}
