/**
 * The model-selection seam, and the one module tests replace to script a model: Gemini when
 * GEMINI_API_KEY is set, otherwise the demo model, one instance per configuration. Everything
 * else about the model (its interface, errors, prompt, token budget) is lib/server/ai's own.
 */
import "server-only";
import type { ChatModel } from "@/lib/server/ai/chat-model";
import { selectChatModel } from "@/lib/server/ai/select-model";
import { getEnv } from "@/lib/server/infra/env";
import type { ChatModelInfo } from "@/lib/shared/chat/types";

let cached: { key: string; model: ChatModel } | undefined;

/** Gemini when GEMINI_API_KEY is set, otherwise the offline demo model; one instance per configuration. */
export function getChatModel(): ChatModel {
  const env = getEnv();
  const key = JSON.stringify([env.GEMINI_API_KEY ?? "", env.GEMINI_MODEL ?? "", env.GEMINI_BASE_URL ?? ""]);
  if (cached?.key !== key) {
    cached = { key, model: selectChatModel({ apiKey: env.GEMINI_API_KEY, model: env.GEMINI_MODEL, baseUrl: env.GEMINI_BASE_URL }) };
  }
  return cached.model;
}

/** What the chat page says about the model answering. */
export function chatModelLabel(): Pick<ChatModelInfo, "isDemo" | "label"> {
  const model = getChatModel();
  return model.isDemo ? { isDemo: true, label: "Demo replies — add GEMINI_API_KEY for real answers" } : { isDemo: false, label: model.label };
}
