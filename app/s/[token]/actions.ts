"use server";

/** Continue in my account, from a share page: the signed-in visitor's own copy, then its chat. */
import { redirect } from "next/navigation";
import { runAction } from "@/lib/server/infra/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import { continueSharedConversation } from "@/lib/server/services/sharing/continue-share";
import type { FormResult } from "@/lib/shared/action-result";

export async function continueShareAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return runAction(async () => {
    const token = form.get("token");
    const { conversationId } = await continueSharedConversation(await requireOwner(), typeof token === "string" ? token : "");
    redirect(`/chat/${conversationId}`);
  });
}
