/**
 * Conversation lifecycle for one owner: start (validate details, save the brief, snapshot the
 * role), list, rename, update details mid-chat, delete, clear history. Throws AppError with
 * codes the actions, the API and the UI share.
 */
import "server-only";
import { announceRemoval } from "@/lib/server/services/live/announce";
import { toConversationSummary, toMessageDTO } from "@/lib/server/services/chat/dto";
import { resolveRole } from "@/lib/server/services/roles/roles-service";
import { conversationTitleSchema } from "@/lib/shared/chat/schemas";
import type { ConversationPage, MessageDTO } from "@/lib/shared/chat/types";
import { AppError } from "@/lib/shared/errors";
import { toAppError } from "@/lib/server/infra/http/problem";
import { detailsSchemaFor } from "@/lib/shared/roles/details-schema";
import { formatDetailValue } from "@/lib/shared/roles/detail-value";
import type { Role, RoleField } from "@/lib/shared/roles/role-schema";
import { saveBriefFromForm } from "@/lib/server/services/roles/brief-history";
import { deleteAllForOwner as deleteAllAttachments, deleteConversationAttachments } from "@/models/attachments";
import {
  createConversation,
  decodeConversationCursor,
  deleteAllConversations,
  deleteConversation as deleteConversationDoc,
  findConversation,
  listConversationsPage,
  renameConversation as renameConversationDoc,
  touchConversation,
  updateConversationDetails,
  type ConversationDoc,
  type Owner,
  type RoleSnapshot,
} from "@/models/conversations";
import type { ConversationMode } from "@/lib/shared/chat/types";
import { deleteAllMessages, deleteConversationMessages, insertMessage } from "@/models/messages";
import { deleteAllForOwner as deleteAllShareLinks, deleteShareLinksOfConversation } from "@/models/share-links";

export const CONVERSATION_PAGE_SIZE = 30;

/**
 * A required field the request left out (absent, undefined or null) takes the field's declared
 * default, as the details form pre-fills it; an explicit blank ("") is still "required", and
 * optional fields left out stay unset.
 */
export function withRequiredDefaults(fields: readonly RoleField[], details: unknown): unknown {
  if (details === undefined || details === null) details = {};
  if (typeof details !== "object" || Array.isArray(details)) return details;
  const result: Record<string, unknown> = { ...(details as Record<string, unknown>) };
  for (const field of fields) {
    if (field.required && field.default !== undefined && (result[field.key] === undefined || result[field.key] === null)) {
      result[field.key] = field.default;
    }
  }
  return result;
}

/**
 * Validates details against the fields (required fields left out take their defaults); invalid
 * ones become AppError "invalid:details" with per-field messages.
 */
export function validateDetails(fields: RoleField[], details: unknown): Record<string, unknown> {
  const parsed = detailsSchemaFor(fields).safeParse(withRequiredDefaults(fields, details));
  if (!parsed.success) {
    const appError = toAppError(parsed.error);
    throw new AppError("invalid:details", "Some details need fixing.", { fields: appError.fields, cause: parsed.error });
  }
  return parsed.data as Record<string, unknown>;
}

export function snapshotOf(role: Role): RoleSnapshot {
  return {
    roleId: role.id,
    roleName: role.name,
    roleIcon: role.icon,
    instructions: role.instructions,
    fields: role.fields,
    ...(role.temperature !== undefined ? { temperature: role.temperature } : {}),
  };
}

/**
 * Validates the details, remembers them as the role's brief, and opens a conversation with the
 * role's snapshot; "project-planning" (Create project) lets its replies propose a plan.
 */
export async function startConversation(
  owner: Owner,
  roleId: string,
  rawDetails: unknown,
  options: { mode?: ConversationMode } = {},
): Promise<ConversationDoc> {
  const resolved = await resolveRole(owner, roleId);
  if (!resolved) throw new AppError("not_found:role");
  const details = validateDetails(resolved.role.fields, rawDetails);
  await saveBriefFromForm(owner, resolved.role.fields, resolved.role.id, details, { chatStarted: true });
  const planning = options.mode === "project-planning";
  return createConversation(owner, {
    snapshot: snapshotOf(resolved.role),
    details,
    title: planning ? "New project plan" : `New ${resolved.role.name} chat`,
    mode: options.mode ?? "chat",
  });
}

export async function requireConversation(owner: Owner, id: string): Promise<ConversationDoc> {
  const conversation = await findConversation(owner, id);
  if (!conversation) throw new AppError("not_found:conversation");
  return conversation;
}

/** The API refuses a cursor it did not issue (the sidebar, which only sends ours, reads one as the first page). */
export function checkConversationCursor(cursor: string | undefined): void {
  if (cursor && !decodeConversationCursor(cursor)) {
    throw new AppError("invalid:cursor", "cursor is not valid.", { fields: { cursor: ["cursor is not valid."] } });
  }
}

export async function listConversations(owner: Owner, cursor: string | null, limit = CONVERSATION_PAGE_SIZE): Promise<ConversationPage> {
  const page = await listConversationsPage(owner, { cursor: cursor ? decodeConversationCursor(cursor) : null, limit });
  return { items: page.items.map(toConversationSummary), nextCursor: page.nextCursor };
}

export async function renameConversation(owner: Owner, id: string, title: unknown): Promise<{ title: string }> {
  const parsed = conversationTitleSchema.safeParse(title);
  if (!parsed.success) throw new AppError("invalid:title", parsed.error.issues[0]?.message ?? "Enter a title.", { fields: { title: parsed.error.issues.map((i) => i.message) } });
  if (!(await renameConversationDoc(owner, id, parsed.data))) throw new AppError("not_found:conversation");
  return { title: parsed.data };
}

/** "Details updated: Age 30 → 31; Country — → Norway" for the fields that changed. */
export function describeDetailsChange(fields: RoleField[], before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changes = fields
    .filter((field) => formatDetailValue(before[field.key]) !== formatDetailValue(after[field.key]))
    .map((field) => `${field.label}: ${formatDetailValue(before[field.key])} → ${formatDetailValue(after[field.key])}`);
  const text = changes.length ? `Details updated — ${changes.join("; ")}` : "Details saved (no changes).";
  return text.length <= 2000 ? text : `${text.slice(0, 1999)}…`;
}

/**
 * Replaces the conversation's details (validated against its own snapshot's fields, not the
 * current role), updates the brief, and records a notice in the conversation. The next reply
 * rebuilds the system instruction from the new details.
 */
export async function updateConversationDetailsFor(
  owner: Owner,
  id: string,
  rawDetails: unknown,
): Promise<{ details: Record<string, unknown>; notice: MessageDTO }> {
  const conversation = await requireConversation(owner, id);
  const details = validateDetails(conversation.fields, rawDetails);
  const updated = await updateConversationDetails(owner, conversation._id, details);
  if (!updated) throw new AppError("not_found:conversation");
  await saveBriefFromForm(owner, conversation.fields, conversation.roleId, details);
  const notice = await insertMessage(owner, conversation._id, {
    sender: "user",
    kind: "notice",
    message: describeDetailsChange(conversation.fields, conversation.details, details),
    status: "complete",
    after: conversation.lastMessageAt,
  });
  await touchConversation(owner, conversation._id, notice.timestamp, 1);
  return { details, notice: toMessageDTO(notice) };
}

/** Deletes the conversation, its files and its messages (children first: a failure leaves an empty chat, never orphans). */
export async function deleteConversation(owner: Owner, id: string): Promise<void> {
  const conversation = await requireConversation(owner, id);
  await deleteConversationAttachments(owner, conversation._id);
  // Its share links end first: a visitor never sees a conversation its owner deleted.
  await deleteShareLinksOfConversation(owner, conversation._id);
  await deleteConversationMessages(owner, conversation._id);
  if (!(await deleteConversationDoc(owner, conversation._id))) throw new AppError("not_found:conversation");
  await announceRemoval({ userId: owner, kind: "conversation_deleted", conversationId: conversation._id });
}

export async function clearHistory(owner: Owner): Promise<{ conversations: number; messages: number }> {
  await deleteAllAttachments(owner);
  await deleteAllShareLinks(owner);
  const messages = await deleteAllMessages(owner);
  const conversations = await deleteAllConversations(owner);
  await announceRemoval({ userId: owner, kind: "history_cleared" });
  return { conversations, messages };
}
