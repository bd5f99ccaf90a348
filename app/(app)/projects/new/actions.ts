"use server";

import { redirect } from "next/navigation";
import { startChatFromForm } from "@/lib/server/services/chat/start-chat-form";
import type { ActionResult, FormResult } from "@/lib/shared/action-result";
import { PROJECT_PLANNER_ROLE_ID } from "@/lib/shared/roles/project-planner";

/**
 * Create project: the Project Planner's details form, opening its chat in project-planning mode
 * (its replies may propose a plan). The role is fixed here, whatever the form says.
 */
export async function startProjectPlanningAction(_previous: FormResult, formData: FormData): Promise<ActionResult> {
  const started = await startChatFromForm(formData, { roleId: PROJECT_PLANNER_ROLE_ID, mode: "project-planning" });
  if ("refused" in started) return started.refused;
  redirect(`/chat/${started.conversationId}`);
}
