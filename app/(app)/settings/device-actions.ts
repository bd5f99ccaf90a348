"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/server/infra/action-result";
import type { ActionResult } from "@/lib/shared/action-result";
import { getCurrentSession } from "@/lib/server/services/auth/session";
import { endOtherSessions, endSession } from "@/lib/server/services/auth/sessions-service";
import { AppError, SESSION_ENDED_MESSAGE } from "@/lib/shared/errors";

const sessionIdSchema = z.string().min(32).max(64);

async function requireSession() {
  const current = await getCurrentSession();
  if (!current) throw new AppError("unauthorized", SESSION_ENDED_MESSAGE);
  return current;
}

/** Signs one of the user's other devices out ("this device" signs out from the user menu). */
export async function signOutDeviceAction(sessionId: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    const current = await requireSession();
    const parsed = sessionIdSchema.safeParse(sessionId);
    if (!parsed.success || parsed.data === current.session.id || !(await endSession(current.user.id, parsed.data))) {
      throw new AppError("not_found:session", "That device is not signed in any more.");
    }
    revalidatePath("/settings");
    return null;
  });
}

export async function signOutOtherDevicesAction(): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const current = await requireSession();
    const count = await endOtherSessions(current.user.id, current.session.id);
    revalidatePath("/settings");
    return { count };
  });
}
