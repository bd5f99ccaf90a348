"use server";

import { redirect } from "next/navigation";
import { startChatFromForm } from "@/lib/server/services/chat/start-chat-form";
import type { StartChatState } from "@/lib/shared/chat/types";
import { PROJECT_PLANNER_ROLE_ID } from "@/lib/shared/roles/project-planner";

/**
 * Create project: the Project Planner's details form, opening its chat in project-planning mode
 * (its replies may propose a plan). The role is fixed here, whatever the form says.
 */
export async function startProjectPlanningAction(_previous: StartChatState, formData: FormData): Promise<StartChatState> {
  const started = await startChatFromForm(formData, { roleId: PROJECT_PLANNER_ROLE_ID, mode: "project-planning" });
  if ("state" in started) return started.state;
  redirect(`/chat/${started.conversationId}`);
}
