/**
 * The conversation and message shapes the UI and /api/v1 both receive, as zod schemas: the DTO
 * types (lib/shared/chat/types.ts) are their z.infer, the OpenAPI document is generated from
 * them, and models/ builds its $jsonSchema enums from the same `as const` arrays.
 * Client-safe (zod only).
 */
import { z } from "zod";
import { messageAttachmentSchema } from "@/lib/shared/attachments/types";
import { ERROR_CODES } from "@/lib/shared/errors";
import { changeProposalSchema, planSchema } from "@/lib/shared/projects/plan-schema";
import { roleFieldSchema } from "@/lib/shared/roles/role-schema";

export const MESSAGE_SENDERS = ["user", "ai"] as const;
/** "notice": the small system-style note shown when the details changed mid-chat; never sent to the model. */
export const MESSAGE_KINDS = ["message", "notice"] as const;
export const MESSAGE_STATUSES = ["complete", "streaming", "stopped", "error"] as const;
/** A proposal waits for the user; Create project / Apply make it "applied", Dismiss "dismissed". */
export const PROPOSAL_STATES = ["proposed", "applied", "dismissed"] as const;
export const PROPOSAL_KINDS = ["plan", "changes", "details"] as const;
/** "project-planning" when opened from Create project: replies may propose a plan. */
export const CONVERSATION_MODES = ["chat", "project-planning"] as const;

export const detailsSchema = z
  .record(z.string(), z.unknown())
  .meta({ id: "Details", description: "Values for the role's fields, validated against those fields (as the details form is)." });

const proposalState = z.enum(PROPOSAL_STATES);

export const tokenUsageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() });

/** A new value for one of the role's remembered details (the details card); stored as shown. */
export const detailsProposalSchema = z.object({
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
});

/** A plan, change set or details update an AI reply proposed; the app applies it only when the user confirms. */
export const proposalSchema = z
  .union([
    z.object({ kind: z.literal("plan"), plan: planSchema, projectId: z.string().optional(), state: proposalState }),
    z.object({
      kind: z.literal("changes"),
      changes: changeProposalSchema,
      taskTitles: z.record(z.string(), z.string()).optional(),
      state: proposalState,
    }),
    detailsProposalSchema.extend({ state: proposalState }),
  ])
  .meta({ id: "Proposal" });

export const messageSchema = z
  .object({
    id: z.string(),
    sender: z.enum(MESSAGE_SENDERS),
    kind: z.enum(MESSAGE_KINDS),
    message: z.string(),
    timestamp: z.iso.datetime(),
    status: z.enum(MESSAGE_STATUSES),
    /** For status "error": what went wrong (e.g. "rate_limited", "safety_blocked"). */
    errorCode: z.enum(ERROR_CODES).optional(),
    usage: tokenUsageSchema.optional(),
    /** The model that wrote an AI reply. */
    model: z.string().optional(),
    proposal: proposalSchema.optional(),
    /** Files sent with a user message (name, type, size, pixel size or pages). */
    attachments: z.array(messageAttachmentSchema).optional(),
    seq: z
      .number()
      .int()
      .optional()
      .meta({ description: "While `status` is `streaming`: the last reply chunk `message` includes; the event stream's `chunk` events continue after it." }),
  })
  .meta({ id: "Message" });

/** A row in the sidebar. */
export const conversationSummarySchema = z
  .object({ id: z.string(), title: z.string(), roleId: z.string(), roleName: z.string(), lastMessageAt: z.iso.datetime() })
  .meta({ id: "ConversationSummary" });

/** The conversation as started: the role snapshot it carries plus the current details. */
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
    mode: z.enum(CONVERSATION_MODES).meta({ description: "project-planning: replies may propose a project plan." }),
    projectId: z.string().optional().meta({ description: "Set once a plan became a project: this is that project's chat." }),
  })
  .meta({ id: "Conversation" });
