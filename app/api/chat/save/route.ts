/**
 * The brief's POST /api/chat/save: stores a user message and its response as two messages in the
 * chat type's latest conversation (starting one if needed, details defaulted — see `defaulted`),
 * and answers `{ success: true, data: ChatMessage }`. Idempotency-Key makes retries safe.
 */
import { requireSelf, saveExchange } from "@/lib/server/services/api/compat";
import { compatRoute } from "@/lib/server/services/api/compat-route";
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { saveChatSchema } from "@/lib/shared/api/compat";
import { readJsonBody } from "@/lib/server/infra/http/handler";

export const POST = compatRoute(async (request, caller) => {
  const body = await readJsonBody(request, saveChatSchema, { maxBytes: 128 * 1024 });
  requireSelf(caller, body.userId);
  return idempotentJson(request, caller, body, async () => ({
    status: 201,
    data: { success: true, data: await saveExchange(caller, body) },
  }));
});
