/**
 * The architecture brief's endpoints, with its `{ success, data }` envelope. A chat type names
 * a built-in role: navigation → ChatCraft Guide, project-planning → Project Planner.
 */
import { z } from "zod";
import { detailsSchema, messageSchema } from "@/lib/shared/api/chat";
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
      .meta({ description: "Only used when a new conversation is started: merged over the remembered details, validated against the role's fields." }),
  })
  .meta({ id: "CompatSaveChat" });

const envelope = <T extends z.ZodType>(data: T, id: string) => z.object({ success: z.literal(true), data }).meta({ id });

export const historyResponseSchema = envelope(
  z.object({ chatType: chatTypeSchema, conversationId: z.string().nullable(), messages: z.array(messageSchema) }),
  "CompatHistory",
);
export const saveResponseSchema = envelope(
  z.object({ chatType: chatTypeSchema, conversationId: z.string(), messages: z.array(messageSchema) }),
  "CompatSaved",
);
export const deleteHistoryResponseSchema = envelope(
  z.object({ chatType: chatTypeSchema, deletedConversations: z.number().int(), deletedMessages: z.number().int() }),
  "CompatDeleted",
);
