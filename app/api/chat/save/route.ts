/**
 * The brief's POST /api/chat/save: stores a user message and its response as two messages in the
 * chat type's latest conversation (starting one if needed). Idempotency-Key makes retries safe.
 */
import { requireSelf, saveExchange } from "@/lib/api/compat";
import { compatRoute } from "@/lib/api/compat-route";
import { idempotentJson } from "@/lib/api/idempotency";
import { saveChatSchema } from "@/lib/api/schemas/compat";
import { readJsonBody } from "@/lib/http/handler";

export const POST = compatRoute(async (request, caller) => {
  const body = await readJsonBody(request, saveChatSchema, { maxBytes: 128 * 1024 });
  requireSelf(caller, body.userId);
  return idempotentJson(request, caller, body, async () => ({
    status: 201,
    data: { success: true, data: { chatType: body.chatType, ...(await saveExchange(caller, body)) } },
  }));
});
