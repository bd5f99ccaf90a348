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
    z.object({
      kind: z.literal("details"),
      field: z.string().meta({ description: "The key of the role's field." }),
      label: z.string(),
      from: z.unknown().optional().meta({ description: "The value in this conversation before; absent when it was empty." }),
      to: z.unknown().meta({ description: "The proposed value, valid for the field." }),
      sentence: z.string().meta({ description: "The user's sentence it came from." }),
      sharedRoles: z
        .array(z.object({ roleId: z.string(), roleName: z.string() }))
        .optional()
        .meta({ description: "Other roles whose briefs share the field's key: apply may update them too, if asked." }),
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

/** Apply a details update (the other roles to update too, from its sharedRoles) or dismiss any proposal. */
export const proposalDecisionSchema = z
  .discriminatedUnion(
    "action",
    [
      z.object({
        action: z.literal("apply"),
        alsoRoles: z
          .array(z.string().max(100), { error: "alsoRoles must be a list of role ids" })
          .max(50, "At most 50 other roles")
          .default([])
          .meta({ description: "Other roles (from the proposal's sharedRoles) whose briefs get the value too." }),
      }),
      z.object({ action: z.literal("dismiss") }),
    ],
    { error: "action must be apply or dismiss" },
  )
  .meta({ id: "ProposalDecision", description: "apply works on details proposals; plans and changes are applied in the app." });

export const proposalDecisionResultSchema = z
  .object({
    state: z.enum(["applied", "dismissed"]),
    details: detailsSchema.optional().meta({ description: "After apply: the conversation's details." }),
    updatedRoles: z.array(z.string()).optional().meta({ description: "After apply: the roles whose briefs were updated." }),
  })
  .meta({ id: "ProposalDecisionResult" });
