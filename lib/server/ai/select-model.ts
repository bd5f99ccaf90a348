/**
 * Picks the model from explicit configuration (the caller reads the environment): Gemini when
 * an API key is given, otherwise the offline demo model.
 */
import "server-only";
import type { ChatModel } from "@/lib/server/ai/chat-model";
import { createDemoModel } from "@/lib/server/ai/demo-model";
import { createGeminiModel } from "@/lib/server/ai/gemini-model";

/**
 * The newest generally available Flash model in Google's model list when this was written
 * (gemini-2.5-flash is deprecated with a shutdown date); GEMINI_MODEL overrides it.
 */
export const DEFAULT_GEMINI_MODEL = "gemini-3.8-flash";

export interface ChatModelConfig {
  /** Empty or missing: the demo model answers. */
  apiKey?: string | null;
  model?: string | null;
  baseUrl?: string | null;
  /** Demo model's pause between words. */
  demoDelayMs?: number;
}

export function selectChatModel(config: ChatModelConfig): ChatModel {
  const apiKey = config.apiKey?.trim();
  if (!apiKey) return createDemoModel({ delayMs: config.demoDelayMs });
  return createGeminiModel({
    apiKey,
    model: config.model?.trim() || DEFAULT_GEMINI_MODEL,
    ...(config.baseUrl?.trim() ? { baseUrl: config.baseUrl.trim() } : {}),
  });
}
