import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FolderKanbanIcon } from "lucide-react";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StartChatForm } from "@/components/roles/start-chat-form";
import { requireUser } from "@/lib/server/services/auth/session";
import { PROJECT_PLANNER_ROLE_ID } from "@/lib/shared/roles/project-planner";
import { getRoleForUser, prefilledDetails } from "@/lib/server/services/chat/queries";
import { defaultDetails } from "@/lib/shared/roles/details-schema";
import { startProjectPlanningAction } from "./actions";

export const metadata: Metadata = { title: "Create project" };

/** Create project: the Project Planner's details form (pre-filled from the brief), then a planning chat. */
export default async function NewProjectPage() {
  const user = await requireUser("/projects/new");
  const role = await getRoleForUser(user, PROJECT_PLANNER_ROLE_ID);
  if (!role) notFound();
  const values = await prefilledDetails(user, role);
  const prefilled = JSON.stringify(values) !== JSON.stringify(defaultDetails(role.fields));

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <div className="flex items-start gap-4">
        <span className="grid size-12 shrink-0 place-items-center rounded-xl bg-muted">
          <FolderKanbanIcon className="size-6 text-muted-foreground" aria-hidden="true" />
        </span>
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Create project</h1>
          <p className="text-muted-foreground">
            Describe your project to the {role.name}. It will ask what it needs and propose a plan you can edit before
            anything is created.
          </p>
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Your project</h2>
          </CardTitle>
          <CardDescription>Your answers are saved for the next project you plan.</CardDescription>
        </CardHeader>
        <CardContent>
          <StartChatForm
            roleId={role.id}
            fields={role.fields}
            starters={role.starters}
            initialValues={values}
            prefilled={prefilled}
            action={startProjectPlanningAction}
            submitLabel="Start planning"
          />
        </CardContent>
      </Card>
    </div>
  );
}
