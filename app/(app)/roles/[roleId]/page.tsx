import type { Metadata } from "next";
import { BackToRolesLink } from "@/components/roles/back-to-roles-link";
import { notFound } from "next/navigation";

import { RoleBadges } from "@/components/roles/role-badges";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RoleActions } from "@/components/roles/role-actions";
import { RoleIcon } from "@/components/roles/role-icon";
import { StartChatForm } from "@/components/roles/start-chat-form";
import { requireUser } from "@/lib/server/services/auth/session";
import { getRoleForUser, prefilledDetails } from "@/lib/server/services/chat/queries";
import { toOwner } from "@/lib/server/services/owner";
import { changesSinceLastChat, getBriefHistory } from "@/lib/server/services/roles/brief-service";
import { BriefHistory } from "@/components/roles/brief-history";
import { ChangedSinceLastChat } from "@/components/roles/changed-since-last-chat";
import { defaultDetails } from "@/lib/shared/roles/details-schema";

interface RolePageProps {
  params: Promise<{ roleId: string }>;
}

export async function generateMetadata({ params }: RolePageProps): Promise<Metadata> {
  const { roleId } = await params;
  const user = await requireUser();
  const role = await getRoleForUser(user, decodeURIComponent(roleId));
  return { title: role?.name ?? "Role not found" };
}

export default async function RolePage({ params }: RolePageProps) {
  const { roleId } = await params;
  const user = await requireUser(`/roles/${roleId}`);
  const role = await getRoleForUser(user, decodeURIComponent(roleId));
  if (!role) notFound();
  const values = await prefilledDetails(user, role);
  // Anything beyond the fields' own defaults came from an earlier brief.
  const prefilled = JSON.stringify(values) !== JSON.stringify(defaultDetails(role.fields));
  const history = await getBriefHistory(toOwner(user), role.id);
  const changed = changesSinceLastChat(history);

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <BackToRolesLink />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-start gap-4">
          <RoleIcon name={role.icon} size="lg" />
          <div className="grid gap-1.5">
            <h1 className="text-2xl font-semibold tracking-tight">{role.name}</h1>
            <RoleBadges category={role.category} isCustom={role.isCustom} />
          </div>
        </div>
        <RoleActions roleId={role.id} roleName={role.name} isCustom={role.isCustom} />
      </div>
      <p className="text-muted-foreground">{role.description}</p>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your details</h2>
          </CardTitle>
          <CardDescription>
            What {role.name} should know about you. Your answers are saved for your next chat with this role.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {changed.length > 0 && <ChangedSinceLastChat roleName={role.name} since={history.lastChatAt!} changes={changed} />}
          <StartChatForm
            // A restore re-renders the page: the form starts again from the restored values.
            key={JSON.stringify(values)}
            roleId={role.id}
            fields={role.fields}
            starters={role.starters}
            initialValues={values}
            prefilled={prefilled}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>History of your details</h2>
          </CardTitle>
          <CardDescription>Every change, newest first — from the form or from a chat. Restore puts back the value a change replaced.</CardDescription>
        </CardHeader>
        <CardContent>
          <BriefHistory roleId={role.id} items={history.items} />
        </CardContent>
      </Card>
    </div>
  );
}
