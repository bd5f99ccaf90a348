"use server";

/**
 * Personal API tokens from Settings. These are server actions behind the session cookie
 * (getCurrentUser never looks at a Bearer header), so a token can never create or revoke tokens.
 */
import { createApiToken, revokeToken } from "@/lib/server/services/api/tokens";
import type { CreatedToken } from "@/lib/shared/api/tokens";
import { runAction } from "@/lib/server/infra/action-result";
import { requireOwner } from "@/lib/server/services/auth/require-owner";
import type { ActionResult } from "@/lib/shared/action-result";

export async function createApiTokenAction(input: unknown): Promise<ActionResult<CreatedToken>> {
  return runAction(async () => createApiToken(await requireOwner(), input));
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await revokeToken(await requireOwner(), typeof id === "string" ? id : "");
    return null;
  });
}
