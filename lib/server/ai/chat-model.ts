import "server-only";
import { GENERATED_TITLE_MAX_CHARS } from "@/lib/shared/chat/schemas";
import type { Proposal, ProposalTool } from "@/lib/server/ai/proposals";
import { titleFromText } from "@/lib/shared/chat/title";
import type { TokenUsage } from "@/lib/shared/chat/types";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import type { TurnAttachment } from "@/lib/server/ai/attachment-parts";

export type { Proposal, ProposalTool, TokenUsage };

/** Used when neither the role nor the conversation says otherwise. */
export const DEFAULT_TEMPERATURE = 0.7;

/**
 * The one interface the chat feature talks to. Two implementations: Gemini (gemini-model.ts)
 * and the offline demo model (demo-model.ts). Failures are thrown as AiError (ai-errors.ts),
 * possibly after some text has been yielded, so callers can keep a partial reply.
 */

export interface ChatTurn {
  role: "user" | "model";
  text: string;
  /** Files sent with a user turn (lib/server/ai/attachment-parts.ts). */
  attachments?: TurnAttachment[];
}

export interface StreamReplyRequest {
  systemInstruction: string;
  /** Oldest first, ending with the user message to answer; already bounded (selectContext). */
  history: ChatTurn[];
  temperature: number;
  /** Aborting stops the HTTP request to the model, so no more tokens are spent. */
  signal: AbortSignal;
  /**
   * Structured answers the model may give this turn (a plan while planning a project, changes in
   * a project's chat). A proposal arrives as one `proposal` chunk, already validated, just before
   * `done`; one that does not validate ends the stream with AiError invalid_plan/invalid_changes.
   */
  tools?: readonly ProposalTool[];
  /** The conversation's role fields: what propose_details_update may name, and the types it must give. */
  detailsFields?: readonly RoleField[];
}

export type ChatChunk =
  | { type: "text"; text: string }
  | { type: "proposal"; proposal: Proposal }
  | { type: "done"; usage?: TokenUsage; finishReason?: string };

/** A stored file handed to the model's own file store (Gemini's Files API). */
export interface UploadableFile {
  bytes: Buffer;
  mimeType: string;
  displayName: string;
}

/** Where the model's file store keeps it, and until when. */
export interface RemoteFile {
  uri: string;
  expiresAt: Date;
}

export interface ChatModel {
  /** The model id stored on replies ("gemini-2.5-flash", "demo"). */
  id: string;
  /** For people: "Gemini (gemini-2.5-flash)", "Demo model". */
  label: string;
  isDemo: boolean;
  streamReply(request: StreamReplyRequest): AsyncIterable<ChatChunk>;
  /** A short conversation title; never throws (falls back to the first words of the user's message). */
  generateTitle(firstUser: string, firstReply: string, signal?: AbortSignal): Promise<string>;
  /** Files too large to send inline go here first and are then referenced by URI; absent: no file store (the demo model). */
  uploadFile?(file: UploadableFile, signal?: AbortSignal): Promise<RemoteFile>;
}

const TITLE_WORDS = 6;

/** The first ~6 words of the user's message (its opening line, never a list), at most 60 characters. */
export function fallbackTitle(firstUser: string): string {
  return titleFromText(firstUser, { maxChars: GENERATED_TITLE_MAX_CHARS, maxWords: TITLE_WORDS }) || "New chat";
}

/**
 * A model's title answer made presentable: its first line, no "Title:" prefix, quotes, list
 * markers or trailing punctuation, ≤ 60 chars cut at a word boundary; null if empty.
 */
export function cleanTitle(raw: string | undefined | null): string | null {
  const line = (raw ?? "").split("\n").find((part) => part.trim() !== "") ?? "";
  const unquoted = line
    .replace(/^\s*(title\s*:\s*)/i, "")
    .replace(/^["'“”*#\s]+|["'“”*\s.]+$/g, "");
  return titleFromText(unquoted, { maxChars: GENERATED_TITLE_MAX_CHARS }) || null;
}
