/**
 * Conversations, messages and replies as /api/v1 shows them. The response schemas mirror the
 * DTOs the UI already receives (lib/shared/chat/types.ts); `assertSameShape` makes the compiler fail if
 * the two ever drift. Request bodies reuse lib/chat's schemas (title, message text).
 */
import { ERROR_CODES } from "@/lib/shared/errors";
import { z } from "zod";
import { assertSameShape, MAX_PAGE_LIMIT, pageQuerySchema, pageSchema, type SameShape } from "@/lib/shared/api/common";
import { conversationTitleSchema, replyRequestSchema } from "@/lib/shared/chat/schemas";
import { changeProposalSchema, planSchema } from "@/lib/shared/projects/plan-schema";
import type { ConversationDTO, ConversationSummary, MessageDTO } from "@/lib/shared/chat/types";
import { roleFieldSchema } from "@/lib/shared/roles/role-schema";
import { messageAttachmentSchema } from "@/lib/shared/attachments/types";

export const detailsSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: "Details", description: "Values for the role's fields, validated against those fields (as the details form is)." });

const proposalState = z.enum(["proposed", "applied", "dismissed"]);

/** A plan or change set an AI reply proposed; the app applies it only when the user confirms. */
export const proposalSchema = z
  .union([
    z.object({ kind: z.literal("plan"), plan: planSchema, projectId: z.string().optional(), state: proposalState }),
    z.object({
      kind: z.literal("changes"),
      changes: changeProposalSchema,
      taskTitles: z.record(z.string(), z.string()).optional(),
      state: proposalState,
    }),
  ])
  .meta({ id: "Proposal" });

export const messageSchema = z
  .object({
    id: z.string(),
    sender: z.enum(["user", "ai"]),
    kind: z.enum(["message", "notice"]),
    message: z.string(),
    timestamp: z.iso.datetime(),
    status: z.enum(["complete", "streaming", "stopped", "error"]),
    errorCode: z.enum(ERROR_CODES).optional(),
    usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() }).optional(),
    model: z.string().optional(),
    proposal: proposalSchema.optional(),
    attachments: z.array(messageAttachmentSchema).optional(),
  })
  .meta({ id: "Message" });

export const conversationSummarySchema = z
  .object({ id: z.string(), title: z.string(), roleId: z.string(), roleName: z.string(), lastMessageAt: z.iso.datetime() })
  .meta({ id: "ConversationSummary" });

export const conversationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    roleId: z.string(),
    roleName: z.string(),
    roleIcon: z.string(),
    fields: z.array(roleFieldSchema),
    details: detailsSchema,
    createdAt: z.iso.datetime(),
    mode: z.enum(["chat", "project-planning"]).meta({ description: "project-planning: replies may propose a project plan." }),
    projectId: z.string().optional().meta({ description: "Set once a plan became a project: this is that project's chat." }),
  })
  .meta({ id: "Conversation" });

assertSameShape<SameShape<z.infer<typeof messageSchema>, MessageDTO>>();
assertSameShape<SameShape<z.infer<typeof conversationSummarySchema>, ConversationSummary>>();
assertSameShape<SameShape<Omit<z.infer<typeof conversationSchema>, "fields">, Omit<ConversationDTO, "fields">>>();

export const conversationPageSchema = pageSchema(conversationSummarySchema, "ConversationPage");
export const messagePageSchema = pageSchema(messageSchema, "MessagePage");

export const createConversationSchema = z
  .object({ roleId: z.string().min(1, "Choose a role.").max(100), details: detailsSchema.default({}) })
  .meta({ id: "CreateConversation" });

export const renameConversationSchema = z.object({ title: conversationTitleSchema }).meta({ id: "RenameConversation" });

const sendOption = replyRequestSchema.options[0];

export const replyBodySchema = z
  .object({
    text: sendOption.shape.text,
    attachmentIds: sendOption.shape.attachmentIds.meta({ description: "Ids from POST /api/v1/attachments; the files are saved with this message." }),
    stream: z.boolean().default(true).meta({ description: "false: answer with one JSON object instead of server-sent events." }),
  })
  .meta({ id: "SendMessage" });

export const replyResultSchema = z
  .object({ user: messageSchema, reply: messageSchema.nullable() })
  .meta({ id: "ReplyResult", description: "The saved user message and the saved reply (status complete, stopped or error)." });

export const messagesQuerySchema = pageQuerySchema.extend({
  order: z.enum(["asc", "desc"]).default("asc").meta({ description: "asc: oldest first; desc: newest first." }),
});

export { MAX_PAGE_LIMIT };
