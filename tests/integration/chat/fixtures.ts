/**
 * Fixtures shared by the chat integration tests: users, a custom role with known fields, a
 * scripted chat model (the persistence rules do not depend on which model answers), and an
 * NDJSON reader for the reply route.
 */
import type { ObjectId } from "mongodb";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { fallbackTitle, type ChatChunk, type ChatModel, type ChatTurn } from "@/lib/server/ai/chat-model";
import { toOwner } from "@/lib/server/services/owner";
import type { ChatStreamEvent } from "@/lib/shared/chat/types";
import { createUser, type PublicUser } from "@/models/users";

let counter = 0;

export interface TestUser {
  user: PublicUser;
  owner: ObjectId;
}

export async function makeUser(prefix = "chatter"): Promise<TestUser> {
  counter += 1;
  const suffix = `${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const user = await createUser(
    registerSchema.parse({ username: `${prefix}_${suffix}`, email: `${prefix}_${suffix}@example.com`, password: "password-123" }),
  );
  return { user, owner: toOwner(user) };
}

/** A custom role input with one required text field and one optional select. */
export function customRoleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Garden Helper",
    description: "Helps with a vegetable garden.",
    category: "Lifestyle",
    icon: "sprout",
    instructions: "You are a patient gardening helper.",
    fields: [
      { key: "climate", label: "Climate", type: "text", required: true, placeholder: "e.g. cool temperate" },
      { key: "experience", label: "Experience", type: "select", required: false, options: ["new", "some", "lots"] },
    ],
    starters: ["What should I plant first?"],
    temperature: 0.7,
    ...overrides,
  };
}

export interface ScriptedCall {
  systemInstruction: string;
  messages: ChatTurn[];
  temperature?: number;
}

export type Script = (signal: AbortSignal) => AsyncIterable<ChatChunk>;

/** A chat model that replays a script and records what it was asked. */
export function scriptedModel(): ChatModel & { calls: ScriptedCall[]; next: Script[] } {
  const calls: ScriptedCall[] = [];
  const next: Script[] = [];
  return {
    id: "scripted-model",
    label: "Scripted model",
    isDemo: false,
    calls,
    next,
    streamReply(request) {
      calls.push({ systemInstruction: request.systemInstruction, messages: request.history, temperature: request.temperature });
      const script = next.shift() ?? reply("Scripted answer.");
      return script(request.signal);
    },
    // Like Gemini's fallback when its title call fails: the first words of the message.
    generateTitle: async (firstUser) => fallbackTitle(firstUser),
  };
}

export function reply(...chunks: string[]): Script {
  return async function* () {
    for (const text of chunks) yield { type: "text", text };
    yield { type: "done", usage: { inputTokens: 12, outputTokens: 7, totalTokens: 19 } };
  };
}

export function failAfter(chunks: string[], error: unknown): Script {
  return async function* () {
    for (const text of chunks) yield { type: "text", text };
    throw error;
  };
}

/** Yields the chunks, then waits until aborted (a slow reply the user stops). */
export function hangAfter(chunks: string[], onWaiting?: () => void): Script {
  return async function* (signal) {
    for (const text of chunks) yield { type: "text", text };
    onWaiting?.();
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    throw signal.reason ?? new Error("aborted");
  };
}

export async function readEvents(response: Response): Promise<ChatStreamEvent[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ChatStreamEvent);
}

/** One scripted model per test file; the ai-adapter mock hands it out as the chat model. */
export const sharedModel = scriptedModel();

/**
 * POSTs to the reply route handler in-process. The route is imported on first use, so the
 * calling file's vi.mock registrations (session, model) are in place when it loads.
 */
export async function postReply(conversationId: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const { POST } = await import("@/app/api/chat/[conversationId]/reply/route");
  const request = new Request(`http://localhost/api/chat/${conversationId}/reply`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  return POST(request, { params: Promise.resolve({ conversationId }) });
}
