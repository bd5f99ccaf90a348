import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";

import { RoleBuilderLoader } from "@/components/roles/builder/role-builder-loader";
import { requireUser } from "@/lib/server/services/auth/session";
import { getRoleForUser, listRolesForUser } from "@/lib/server/services/chat/queries";

export const metadata: Metadata = { title: "Edit role" };

interface EditRolePageProps {
  params: Promise<{ roleId: string }>;
}

export default async function EditRolePage({ params }: EditRolePageProps) {
  const { roleId } = await params;
  const user = await requireUser(`/roles/${roleId}/edit`);
  const role = await getRoleForUser(user, decodeURIComponent(roleId));
  // Built-in roles are not edited in place: their page offers "Customize" (a copy) instead.
  if (!role || !role.isCustom) notFound();
  const categories = [...new Set((await listRolesForUser(user)).map((summary) => summary.category))].sort();
  const { isCustom: _isCustom, ...plainRole } = role;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <Link
        href={`/roles/${encodeURIComponent(role.id)}`}
        className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" aria-hidden="true" />
        {role.name}
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Edit role</h1>
      <RoleBuilderLoader categories={categories} role={plainRole} />
    </div>
  );
}
