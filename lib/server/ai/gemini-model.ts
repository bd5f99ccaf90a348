/**
 * ChatModel on Google Gemini through @google/genai. The request's signal is handed to the SDK
 * (config.abortSignal), so Stop closes the HTTP request and no more tokens are generated; the
 * stream is checked for safety blocks and for ending without a finish reason (a cut connection).
 */
import "server-only";
import { GoogleGenAI, type Candidate, type Content, type FunctionCall, type GenerateContentResponseUsageMetadata } from "@google/genai";
import { AiError, toAiError } from "@/lib/server/ai/ai-errors";
import { attachmentParts, omittedNote } from "@/lib/server/ai/attachment-parts";
import { cleanTitle, fallbackTitle, type ChatChunk, type ChatTurn, type ChatModel, type RemoteFile, type UploadableFile, type TokenUsage, type StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { invalidProposalError, isProposalTool, parseProposalCall, proposalDeclarations, type Proposal, type ProposalTool } from "@/lib/server/ai/proposals";

export interface GeminiModelConfig {
  apiKey: string;
  /** e.g. "gemini-2.5-flash". */
  model: string;
  /** Another API root (tests point the real SDK at a local fake). */
  baseUrl?: string;
  /** Upper bound on a title call, so naming a chat never holds anything up for long. */
  titleTimeoutMs?: number;
}

/** How long Gemini keeps an uploaded file, when its answer does not say. */
const FILE_LIFETIME_MS = 48 * 60 * 60 * 1000;

/** Finish reasons that mean the answer was withheld by a filter. */
const BLOCKED_FINISH_REASONS = new Set(["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY"]);

const TITLE_INSTRUCTION =
  "You name chat conversations. Reply with a title of at most 6 words that says what the conversation is about. Reply with the title only: no quotes, no punctuation at the end.";
const TITLE_INPUT_CHARS = 1000;

/** Finish reasons Gemini gives when the model produced a function call it could not complete. */
const BAD_CALL_FINISH_REASONS = new Set(["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL"]);

function functionCallsOf(candidate: Candidate | undefined): FunctionCall[] {
  return (candidate?.content?.parts ?? []).flatMap((part) => (part.functionCall ? [part.functionCall] : []));
}

/**
 * The proposal in a finished answer, validated whole: the first call must name a tool offered
 * this turn and its arguments must pass the tool's schema, or nothing of it is used.
 */
function proposalFrom(calls: FunctionCall[], offered: readonly ProposalTool[], fields: StreamReplyRequest["detailsFields"]): Proposal | null {
  const call = calls[0];
  if (!call) return null;
  const fallback = offered[0] ?? "propose_plan";
  if (!isProposalTool(call.name) || !offered.includes(call.name)) throw invalidProposalError(fallback);
  return parseProposalCall(call.name, call.args ?? {}, fields);
}

/** The tool a failed answer was about: the one it began to call when offered, else the first offered. */
function failedTool(calls: FunctionCall[], offered: readonly ProposalTool[]): ProposalTool | undefined {
  const name = calls[0]?.name;
  return isProposalTool(name) && offered.includes(name) ? name : offered[0];
}

/** Visible text of a candidate; thought summaries are not part of the reply. */
function candidateText(candidate: Candidate | undefined): string {
  return (candidate?.content?.parts ?? [])
    .filter((part) => typeof part.text === "string" && !part.thought)
    .map((part) => part.text)
    .join("");
}

function toUsage(metadata: GenerateContentResponseUsageMetadata): TokenUsage {
  const inputTokens = metadata.promptTokenCount ?? 0;
  // Thinking tokens are billed as output.
  const outputTokens = (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0);
  return { inputTokens, outputTokens, totalTokens: metadata.totalTokenCount ?? inputTokens + outputTokens };
}

/** A fetch that remembers the Retry-After of a failed response (the SDK's ApiError drops headers). */
function headerCapturingFetch(): { fetch: typeof fetch; retryAfter: () => string | null } {
  let retryAfter: string | null = null;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!response.ok) retryAfter = response.headers.get("retry-after");
      return response;
    },
    retryAfter: () => retryAfter,
  };
}

/** One turn's parts; a files-only message has no text part (Gemini refuses an empty one). */
function turnContent(turn: ChatTurn): Content {
  const files = (turn.attachments ?? []).flatMap(attachmentParts);
  const text = turn.text || files.length === 0 ? [{ text: turn.text }] : [];
  return { role: turn.role, parts: [...text, ...files] };
}

export function createGeminiModel(config: GeminiModelConfig): ChatModel {
  const client = new GoogleGenAI({ apiKey: config.apiKey, ...(config.baseUrl ? { httpOptions: { baseUrl: config.baseUrl } } : {}) });
  const model = config.model;

  async function* streamReply(request: StreamReplyRequest): AsyncGenerator<ChatChunk> {
    // Also aborted when the consumer stops iterating early, so an abandoned stream never keeps a request open.
    const local = new AbortController();
    const signal = AbortSignal.any([request.signal, local.signal]);
    const capture = headerCapturingFetch();
    let finished = false;
    const offered = request.tools ?? [];
    // Calls are held until the answer is complete: a proposal is used whole or not at all.
    const calls: FunctionCall[] = [];
    try {
      const stream = await client.models.generateContentStream({
        model,
        contents: request.history.map(turnContent),
        config: {
          systemInstruction: request.systemInstruction,
          temperature: request.temperature,
          abortSignal: signal,
          // One HTTP request per reply: no hidden re-requests that would spend tokens again.
          automaticContinuation: false,
          httpOptions: { fetch: capture.fetch },
          ...(offered.length > 0 ? { tools: [{ functionDeclarations: proposalDeclarations(offered, request.detailsFields) }] } : {}),
        },
      });
      let usage: TokenUsage | undefined;
      let finishReason: string | undefined;
      for await (const chunk of stream) {
        if (chunk.promptFeedback?.blockReason) throw new AiError("safety_blocked");
        const candidate = chunk.candidates?.[0];
        const text = candidateText(candidate);
        if (text) yield { type: "text", text };
        calls.push(...functionCallsOf(candidate));
        if (chunk.usageMetadata) usage = toUsage(chunk.usageMetadata);
        if (candidate?.finishReason) {
          finishReason = candidate.finishReason;
          if (BLOCKED_FINISH_REASONS.has(finishReason)) throw new AiError("safety_blocked");
        }
      }
      const tool = failedTool(calls, offered);
      // Gemini always ends a reply with a finish reason; a stream without one was cut off.
      if (!finishReason) throw calls.length > 0 && tool ? invalidProposalError(tool) : new AiError("network");
      if (tool && BAD_CALL_FINISH_REASONS.has(finishReason)) throw invalidProposalError(tool);
      const note = omittedNote(request.history.flatMap((turn) => turn.attachments ?? []));
      if (note) yield { type: "text", text: note };
      const proposal = offered.length > 0 ? proposalFrom(calls, offered, request.detailsFields) : null;
      if (proposal) yield { type: "proposal", proposal };
      finished = true;
      yield { type: "done", ...(usage ? { usage } : {}), finishReason };
    } catch (error) {
      const mapped = toAiError(error, { signal: request.signal, retryAfterHeader: capture.retryAfter() });
      // Cut off after a call began: the user is told the proposal could not be used, not just that the line dropped.
      const tool = failedTool(calls, offered);
      throw mapped.code === "network" && calls.length > 0 && tool ? invalidProposalError(tool, error) : mapped;
    } finally {
      if (!finished) local.abort();
    }
  }

  async function generateTitle(firstUser: string, firstReply: string, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(config.titleTimeoutMs ?? 10_000);
    try {
      const response = await client.models.generateContent({
        model,
        contents: [
          {
            role: "user",
            parts: [{ text: `User: ${firstUser.slice(0, TITLE_INPUT_CHARS)}\n\nAssistant: ${firstReply.slice(0, TITLE_INPUT_CHARS)}` }],
          },
        ],
        config: {
          systemInstruction: TITLE_INSTRUCTION,
          temperature: 0.2,
          abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          automaticContinuation: false,
        },
      });
      return cleanTitle(candidateText(response.candidates?.[0])) ?? fallbackTitle(firstUser);
    } catch {
      // A title is a nicety: any failure falls back to the first words.
      return fallbackTitle(firstUser);
    }
  }

  /**
   * Gemini's Files API (`ai.files.upload`, the resumable upload protocol): for files above the
   * inline limit. Gemini keeps a file 48 hours; the caller caches the URI until `expiresAt`.
   */
  async function uploadFile(file: UploadableFile, signal?: AbortSignal): Promise<RemoteFile> {
    try {
      const uploaded = await client.files.upload({
        file: new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }),
        config: { mimeType: file.mimeType, displayName: file.displayName, ...(signal ? { abortSignal: signal } : {}) },
      });
      if (!uploaded.uri) throw new Error("Gemini's Files API answered without a file URI");
      const expiresAt = uploaded.expirationTime ? new Date(uploaded.expirationTime) : new Date(Date.now() + FILE_LIFETIME_MS);
      return { uri: uploaded.uri, expiresAt: Number.isNaN(expiresAt.getTime()) ? new Date(Date.now() + FILE_LIFETIME_MS) : expiresAt };
    } catch (error) {
      throw toAiError(error, { signal });
    }
  }

  return { id: model, label: `Gemini (${model})`, isDemo: false, streamReply, generateTitle, uploadFile };
}
