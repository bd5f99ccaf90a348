/**
 * The architecture brief's frontend `chatService`, written from the brief's own shapes (not from
 * the app's schemas): save → `{ success: true, data: ChatMessage }`, history → `{ success: true,
 * data: ChatMessage[] }`, delete → `{ success: true, data: { deletedCount } }`. Each answer is
 * parsed strictly, so an extra or missing member of ChatMessage fails the test. Calls go through
 * the real route handlers (tests/api/client.ts), which also check the OpenAPI document.
 */
import { z } from "zod";
import { call, type Caller } from "./client";

export type BriefChatType = "navigation" | "project-planning";

const isoDate = z.string().refine((text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text, "ISO date");

/** The brief's ChatMessage document. */
export const briefChatMessage = z.strictObject({
  _id: z.string().regex(/^[0-9a-f]{24}$/),
  userId: z.string().regex(/^[0-9a-f]{24}$/),
  message: z.string(),
  response: z.string(),
  chatType: z.enum(["navigation", "project-planning"]),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type BriefChatMessage = z.infer<typeof briefChatMessage>;

const ok = <T extends z.ZodType>(data: T) => z.strictObject({ success: z.literal(true), data });
/** The saved document may say which details the server filled in when it started the chat. */
const savedChat = briefChatMessage.extend({ defaulted: z.record(z.string(), z.unknown()).optional() });

async function parse<T extends z.ZodType>(response: Response, status: number, schema: T): Promise<z.infer<T>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return schema.parse(JSON.parse(text));
}

export function briefChatService(as: Caller) {
  return {
    async saveChatMessage(userId: string, message: string, response: string, chatType: BriefChatType) {
      const answer = await call("POST", "/api/chat/save", { as, body: { userId, message, response, chatType } });
      return (await parse(answer, 201, ok(savedChat))).data;
    },
    async getUserChatHistory(userId: string, chatType: BriefChatType): Promise<BriefChatMessage[]> {
      const answer = await call("GET", `/api/chat/history/${userId}?chatType=${encodeURIComponent(chatType)}`, { as });
      return (await parse(answer, 200, ok(z.array(briefChatMessage)))).data;
    },
    async deleteUserChatHistory(userId: string, chatType: BriefChatType): Promise<{ deletedCount: number }> {
      const answer = await call("DELETE", `/api/chat/history/${userId}?chatType=${encodeURIComponent(chatType)}`, { as });
      return (await parse(answer, 200, ok(z.strictObject({ deletedCount: z.number().int().nonnegative() })))).data;
    },
  };
}
