/**
 * Conversations, messages and replies as /api/v1 shows them: the same schemas the UI's DTOs are
 * inferred from (lib/shared/chat/dto.ts), paged; request bodies reuse lib/shared/chat's schemas
 * (title, message text).
 */
import { z } from "zod";
import { MAX_PAGE_LIMIT, pageQuerySchema, pageSchema } from "@/lib/shared/api/common";
import { conversationSummarySchema, detailsSchema, messageSchema } from "@/lib/shared/chat/dto";
import { conversationTitleSchema, replyRequestSchema, requireTextOrFiles } from "@/lib/shared/chat/schemas";

export { conversationSchema, conversationSummarySchema, detailsSchema, messageSchema, proposalSchema } from "@/lib/shared/chat/dto";

export const conversationPageSchema = pageSchema(conversationSummarySchema, "ConversationPage");
export const messagePageSchema = pageSchema(messageSchema, "MessagePage");

export const createConversationSchema = z
  .object({ roleId: z.string().min(1, "Choose a role.").max(100), details: detailsSchema.default({}) })
  .meta({ id: "CreateConversation" });

export const renameConversationSchema = z.object({ title: conversationTitleSchema }).meta({ id: "RenameConversation" });

const sendOption = replyRequestSchema.options[0];

export const replyBodySchema = z
  .object({
    text: sendOption.shape.text.meta({ description: "The message. May be empty or left out when attachmentIds carries files (a files-only message)." }),
    attachmentIds: sendOption.shape.attachmentIds.meta({ description: "Ids from POST /api/v1/attachments; the files are saved with this message." }),
    stream: z.boolean().default(true).meta({ description: "false: answer with one JSON object instead of server-sent events." }),
  })
  .superRefine(requireTextOrFiles)
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
