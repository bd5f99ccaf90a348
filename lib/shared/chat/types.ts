/**
 * What the chat and role pages receive from the server: plain JSON-safe shapes (ids as strings,
 * dates as ISO strings), so they cross the server-action / route boundary unchanged. The
 * conversation and message shapes are inferred from their zod schemas (lib/shared/chat/dto.ts),
 * which /api/v1 documents too. Client-safe: type-only imports.
 */
import type { z } from "zod";
import type {
  CONVERSATION_MODES,
  conversationSchema,
  detailsProposalSchema,
  conversationSummarySchema,
  MESSAGE_KINDS,
  MESSAGE_SENDERS,
  MESSAGE_STATUSES,
  messageSchema,
  PROPOSAL_STATES,
  proposalSchema,
  tokenUsageSchema,
} from "@/lib/shared/chat/dto";
import type { AttachmentLimits } from "@/lib/shared/attachments/types";
import type { ErrorData } from "@/lib/shared/errors";
import type { Role } from "@/lib/shared/roles/role-schema";

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
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back to listConversationsAction for the next page; null when there is none. */
  nextCursor: string | null;
}

export type ConversationDTO = z.infer<typeof conversationSchema>;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];
export type MessageSender = (typeof MESSAGE_SENDERS)[number];
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type TokenUsage = z.infer<typeof tokenUsageSchema>;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
/** A plan or change set proposed on an AI reply; the card the user edits and confirms. */
export type ProposalDTO = z.infer<typeof proposalSchema>;
/** A new value for one of the role's remembered details (the details card). */
export type DetailsProposalDTO = z.infer<typeof detailsProposalSchema>;
export type MessageDTO = z.infer<typeof messageSchema>;

/** One page of a conversation, oldest first (the chat page opens on the newest page). */
export interface MessagePage {
  messages: MessageDTO[];
  /** More messages exist before the first one in `messages`. */
  hasOlder: boolean;
  /** More messages exist after the last one (a page opened in the middle, at a search match). */
  hasNewer?: boolean;
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
