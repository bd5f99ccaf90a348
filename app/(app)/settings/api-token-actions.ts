"use server";

/**
 * Personal API tokens from Settings. These are server actions behind the session cookie
 * (getCurrentUser never looks at a Bearer header), so a token can never create or revoke tokens.
 */
import { createApiToken, revokeToken } from "@/lib/api/tokens";
import type { CreatedToken } from "@/lib/api/token-schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { runAction } from "@/lib/chat/action-result";
import { toOwner } from "@/lib/chat/owner";
import type { ActionResult } from "@/lib/chat/types";
import { AppError } from "@/lib/errors";

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
