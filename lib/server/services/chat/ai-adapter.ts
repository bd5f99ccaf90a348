/**
 * The model-selection seam: Gemini when GEMINI_API_KEY is set, otherwise the demo model, one
 * instance per configuration — and the one module tests replace to script a model. It also maps
 * the model's stream to the app's field names (usage as inputTokens/outputTokens) and an SDK
 * failure to an error code. Prompt assembly and the token budget are called from lib/server/ai directly.
 */
import "server-only";
import { describeAiError as describeTypedAiError, toAiError } from "@/lib/server/ai/ai-errors";
import type { ChatModel, ChatTurn, Proposal, ProposalTool, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { selectChatModel } from "@/lib/server/ai/select-model";
import type { ChatModelInfo } from "@/lib/shared/chat/types";
import { getEnv } from "@/lib/server/infra/env";
import type { MessageUsage } from "@/models/messages";

export type { ChatTurn, Proposal, ProposalTool };
/** JSON for a delimited data block in an instruction (cannot close the block); the refusal of a proposal. */

export type ReplyPart = { type: "text"; text: string } | { type: "proposal"; proposal: Proposal } | { type: "usage"; usage: MessageUsage };

export interface ReplyInput {
  systemInstruction: string;
  messages: ChatTurn[];
  temperature?: number;
  signal: AbortSignal;
  /** Structured answers offered this turn (a plan, project changes). */
  tools?: readonly ProposalTool[];
  /** The conversation's role fields, for propose_details_update. */
  detailsFields?: StreamReplyRequest["detailsFields"];
}

export interface AdaptedChatModel {
  /** Stored on each reply (e.g. "gemini-3.8-flash", "demo"). */
  name: string;
  isDemo: boolean;
  stream(input: ReplyInput): AsyncIterable<ReplyPart>;
  /** A short title for a conversation, or null (callers fall back to the first words). */
  title?(userText: string, replyText: string): Promise<string | null>;
}

/** An AiErrorCode with its message; "unknown" is a failure nobody anticipated and is worth a log line. */
export type DescribedAiError = ReturnType<typeof describeTypedAiError>;

/** Used when neither the role nor the conversation says otherwise. */
const DEFAULT_TEMPERATURE = 0.7;

function adapt(model: ChatModel): AdaptedChatModel {
  return {
    name: model.id,
    isDemo: model.isDemo,
    async *stream(input) {
      const chunks = model.streamReply({
        systemInstruction: input.systemInstruction,
        history: input.messages,
        temperature: input.temperature ?? DEFAULT_TEMPERATURE,
        signal: input.signal,
        ...(input.tools?.length ? { tools: input.tools } : {}),
        ...(input.detailsFields ? { detailsFields: input.detailsFields } : {}),
      });
      for await (const chunk of chunks) {
        if (chunk.type === "text" || chunk.type === "proposal") {
          yield chunk;
        } else if (chunk.usage) {
          const { promptTokens, outputTokens, totalTokens } = chunk.usage;
          yield { type: "usage", usage: { inputTokens: promptTokens, outputTokens, totalTokens } };
        }
      }
    },
    title: (userText, replyText) => model.generateTitle(userText, replyText),
  };
}

let cached: { key: string; model: AdaptedChatModel; label: string } | undefined;

function current(): { model: AdaptedChatModel; label: string } {
  const env = getEnv();
  const key = JSON.stringify([env.GEMINI_API_KEY ?? "", env.GEMINI_MODEL ?? "", env.GEMINI_BASE_URL ?? ""]);
  if (cached?.key !== key) {
    const model = selectChatModel({ apiKey: env.GEMINI_API_KEY, model: env.GEMINI_MODEL, baseUrl: env.GEMINI_BASE_URL });
    cached = { key, model: adapt(model), label: model.label };
  }
  return cached;
}

/** Gemini when GEMINI_API_KEY is set, otherwise the offline demo model; one instance per configuration. */
export function getChatModel(): AdaptedChatModel {
  return current().model;
}

/** What the chat page says about the model answering. */
export function chatModelLabel(): Pick<ChatModelInfo, "isDemo" | "label"> {
  const { model, label } = current();
  return model.isDemo ? { isDemo: true, label: "Demo replies — add GEMINI_API_KEY for real answers" } : { isDemo: false, label };
}

export async function generateConversationTitle(model: AdaptedChatModel, userText: string, replyText: string): Promise<string | null> {
  return model.title ? model.title(userText, replyText) : null;
}

export function describeAiError(error: unknown): DescribedAiError {
  return describeTypedAiError(toAiError(error));
}
