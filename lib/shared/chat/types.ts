/**
 * What the chat and role pages receive from the server: plain JSON-safe shapes (ids as strings,
 * dates as ISO strings), so they cross the server-action / route boundary unchanged.
 * Client-safe: type-only imports.
 */
import type { ChangeProposal, Plan } from "@/lib/shared/projects/plan-schema";
import type { ErrorCode, ErrorData } from "@/lib/shared/errors";
import type { Role, RoleField } from "@/lib/shared/roles/role-schema";
import type { AttachmentLimits, MessageAttachment } from "@/lib/shared/attachments/types";

export type { ReplyRequest } from "@/lib/shared/chat/schemas";

/** A card in the role catalog. */
export interface RoleSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  icon: string;
  isCustom: boolean;
}

/** A full role (built-in or the user's own), fields and starters included. */
export type RoleDTO = Role & { isCustom: boolean };

/** A row in the sidebar. */
export interface ConversationSummary {
  id: string;
  title: string;
  roleId: string;
  roleName: string;
  lastMessageAt: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back to listConversationsAction for the next page; null when there is none. */
  nextCursor: string | null;
}

/** The conversation as started: the role snapshot it carries plus the current details. */
export interface ConversationDTO {
  id: string;
  title: string;
  roleId: string;
  roleName: string;
  roleIcon: string;
  fields: RoleField[];
  details: Record<string, unknown>;
  createdAt: string;
  /** "project-planning" when opened from Create project: replies may propose a plan. */
  mode: "chat" | "project-planning";
  /** Set once a plan became a project: this is that project's chat. */
  projectId?: string;
}

export type MessageStatus = "complete" | "streaming" | "stopped" | "error";

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export type ProposalState = "proposed" | "applied" | "dismissed";

/** A plan or change set proposed on an AI reply; the card the user edits and confirms. */
export type ProposalDTO = ({ kind: "plan"; plan: Plan; projectId?: string } | { kind: "changes"; changes: ChangeProposal; taskTitles?: Record<string, string> }) & {
  state: ProposalState;
};

export interface MessageDTO {
  id: string;
  sender: "user" | "ai";
  /**
   * "message" for chat turns; "notice" for the small system-style note shown when the details
   * changed mid-chat (sender "user": the user made the change). Notices are never sent to the model.
   */
  kind: "message" | "notice";
  message: string;
  timestamp: string;
  status: MessageStatus;
  /** For status "error": what went wrong (e.g. "rate_limited", "safety_blocked"). */
  errorCode?: ErrorCode;
  usage?: TokenUsage;
  /** The model that wrote an AI reply. */
  model?: string;
  proposal?: ProposalDTO;
  /** Files sent with a user message (name, type, size, pixel size or pages). */
  attachments?: MessageAttachment[];
}

/** One page of a conversation, oldest first (the chat page opens on the newest page). */
export interface MessagePage {
  messages: MessageDTO[];
  /** More messages exist before the first one in `messages`. */
  hasOlder: boolean;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorData };

/** State of the "Start chat" form (useActionState). On success the action redirects instead. */
export interface StartChatState {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  /** What the user submitted, to re-fill the form. */
  values?: Record<string, string | string[]>;
}

/**
 * One line of the reply route's NDJSON stream. Order: user → start → text* → done | error,
 * then title after the first exchange. (The error event carries the saved reply as `reply`,
 * since `message` is its person-readable text.)
 */
export type ChatStreamEvent =
  | { type: "user"; message: MessageDTO }
  | { type: "start"; messageId: string }
  | { type: "text"; text: string }
  | { type: "done"; message: MessageDTO }
  | ({ type: "error"; reply?: MessageDTO } & Omit<ErrorData, "fields">)
  | { type: "title"; title: string };

export interface ChatModelInfo {
  isDemo: boolean;
  /** e.g. "Demo replies — add GEMINI_API_KEY for real answers" or "Gemini gemini-2.5-flash". */
  label: string;
  /** The server's message length limit, for the composer's counter. */
  maxMessageChars: number;
  /** Attachment limits in force, named by the composer. */
  attachments: AttachmentLimits;
}
