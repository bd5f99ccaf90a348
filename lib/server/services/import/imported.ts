/**
 * What every format reader hands the importer: one conversation at a time, already flattened to
 * turns of "user" and "ai" text in order. Dates the file did not give are null (the importer
 * fills them in so a conversation's messages still strictly increase in time).
 */
import "server-only";
import type { ImportFormat } from "@/lib/shared/import/schemas";

export interface ImportedMessage {
  sender: "user" | "ai";
  text: string;
  at: Date | null;
}

export interface ImportedConversation {
  /** The source app's own id for the conversation: with the format, the idempotency key. */
  sourceId: string;
  title: string;
  createdAt: Date | null;
  updatedAt: Date | null;
  messages: ImportedMessage[];
  /** ChatCraft's own export names the role and details each conversation was started with. */
  roleId?: string;
  details?: Record<string, unknown>;
}

/** One entry of the file: a conversation to write, or why the one at `index` cannot be imported. */
export type ImportItem =
  | { ok: true; index: number; conversation: ImportedConversation }
  | { ok: false; index: number; title: string | null; reason: string };

export type ImportEvent = { kind: "format"; format: ImportFormat } | { kind: "item"; item: ImportItem };

export const UNTITLED = "Imported conversation";

/** A title the conversations validator accepts (at most 200 characters, never blank). */
export function cleanTitle(raw: unknown): string {
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (!title) return UNTITLED;
  return title.length <= 200 ? title : `${title.slice(0, 199)}…`;
}

/** A date from epoch seconds (ChatGPT) or an ISO string (Claude, ChatCraft); null if absent or nonsense. */
export function toDate(raw: unknown): Date | null {
  const date = typeof raw === "number" ? new Date(raw * 1000) : typeof raw === "string" ? new Date(raw) : null;
  return date && Number.isFinite(date.getTime()) ? date : null;
}

/** The first zod issue, as a sentence for the failures list. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "It is not in the expected shape.";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}
