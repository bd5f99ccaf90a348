"use server";

/**
 * Personal API tokens from Settings. These are server actions behind the session cookie
 * (getCurrentUser never looks at a Bearer header), so a token can never create or revoke tokens.
 */
import { createApiToken, revokeToken } from "@/lib/server/services/api/tokens";
import type { CreatedToken } from "@/lib/shared/api/tokens";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { runAction } from "@/lib/server/infra/action-result";
import { toOwner } from "@/lib/server/services/owner";
import type { ActionResult } from "@/lib/shared/chat/types";
import { AppError } from "@/lib/shared/errors";

async function currentOwner() {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again to continue.");
  return toOwner(user);
}

export async function createApiTokenAction(input: unknown): Promise<ActionResult<CreatedToken>> {
  return runAction(async () => createApiToken(await currentOwner(), input));
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeToken(await currentOwner(), typeof id === "string" ? id : "");
    return null;
  });
}
