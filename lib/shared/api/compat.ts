/**
 * The architecture brief's endpoints, with its `{ success, data }` envelope. A chat type names
 * a built-in role: navigation → ChatCraft Guide, project-planning → Project Planner.
 */
import { z } from "zod";
import { detailsSchema } from "@/lib/shared/chat/dto";
import { objectIdSchema } from "@/lib/shared/api/common";

export const CHAT_TYPE_ROLES = { navigation: "chatcraft-guide", "project-planning": "project-planner" } as const;
export type ChatType = keyof typeof CHAT_TYPE_ROLES;

export const chatTypeSchema = z.enum(Object.keys(CHAT_TYPE_ROLES) as [ChatType, ...ChatType[]], {
  error: "chatType must be navigation or project-planning.",
});

export const chatTypeQuerySchema = z.object({ chatType: chatTypeSchema });
export const userIdParamsSchema = z.object({ userId: objectIdSchema });

const text = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(20_000, `${label} can be at most 20,000 characters.`);

export const saveChatSchema = z
  .object({
    userId: objectIdSchema,
    chatType: chatTypeSchema,
    message: text("message"),
    response: text("response"),
    details: detailsSchema
      .optional()
      .meta({
        description:
          "Only used when this save starts the chat type's conversation: merged over the remembered details and the fields' defaults, then validated against the role's fields. Optional: a required field still missing is filled in from the message (see `defaulted` in the answer).",
      }),
  })
  .meta({ id: "CompatSaveChat" });

const envelope = <T extends z.ZodType>(data: T, id: string) => z.object({ success: z.literal(true), data }).meta({ id });

/**
 * The brief's ChatMessage: one exchange, a user message and the AI response that followed it.
 * `_id` is the user message's id (the response's when a response has no message before it);
 * `createdAt` is when the message was written, `updatedAt` when the response was.
 */
export const chatMessageSchema = z
  .object({
    _id: z.string().meta({ description: "The user message's id (the response's when it has no message before it)." }),
    userId: z.string().meta({ description: "The caller's own id (the :userId of the URL)." }),
    message: z.string().meta({ description: 'The user\'s message ("" for a response with no message before it).' }),
    response: z.string().meta({ description: 'The AI response that followed it ("" when none did).' }),
    chatType: chatTypeSchema,
    createdAt: z.iso.datetime().meta({ description: "When the message was written (history is sorted on it, ascending)." }),
    updatedAt: z.iso.datetime().meta({ description: "When the response was written (createdAt when there is none)." }),
  })
  .meta({ id: "ChatMessage" });

export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** GET /api/chat/history/:userId — the exchanges of the chat type, oldest first. */
export const historyResponseSchema = envelope(z.array(chatMessageSchema), "CompatHistory");

/** POST /api/chat/save — the saved exchange; `defaulted` only when this save started the chat type's conversation and filled details in. */
export const saveResponseSchema = envelope(
  chatMessageSchema
    .extend({
      defaulted: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({
          description:
            "Present when this save started a new conversation and the server filled in details the request did not send: field key → the value used (remembered details, the field's default, or for a required field with neither, the message itself — a choice field takes its first option, a number its minimum).",
        }),
    })
    .meta({ id: "CompatSavedChatMessage" }),
  "CompatSaved",
);

export const deleteHistoryResponseSchema = envelope(
  z.object({ deletedCount: z.number().int().min(0).meta({ description: "How many ChatMessage exchanges were deleted." }) }),
  "CompatDeleted",
);
