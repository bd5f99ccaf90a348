/**
 * A brief's change history: every write of a brief records, in the same single-document update,
 * which fields changed, from what, and where the change came from (the form, a details card in a
 * chat, a restore). Kept apart from brief-service.ts so the conversation service can save a brief
 * without importing the role pages' service.
 */
import "server-only";
import type { RoleField } from "@/lib/shared/roles/role-schema";
import { findBrief, newHistoryEntry, upsertBrief, type BriefHistoryEntry } from "@/models/briefs";
import type { Owner } from "@/models/conversations";

/** Values compare as stored JSON: ["a","b"] equals ["a","b"], 41 equals 41. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** One "form" entry per field whose value differs between the old brief and the new details. */
export function formHistory(fields: readonly RoleField[], before: Record<string, unknown> | undefined, after: Record<string, unknown>): BriefHistoryEntry[] {
  // A first brief is where the history starts: its values are the baseline, not changes.
  if (!before) return [];
  return fields
    .filter((field) => !sameValue(before[field.key], after[field.key]))
    .map((field) => newHistoryEntry({ key: field.key, source: "form", ...valueAndPrevious(after[field.key], before[field.key]) }));
}

function valueAndPrevious(value: unknown, previous: unknown): Pick<BriefHistoryEntry, "value" | "previous"> {
  return { ...(value === undefined ? {} : { value }), ...(previous === undefined ? {} : { previous }) };
}

/** Saves the whole brief as the form left it, with a history entry per changed field. */
export async function saveBriefFromForm(
  owner: Owner,
  fields: readonly RoleField[],
  roleId: string,
  details: Record<string, unknown>,
  options: { chatStarted?: boolean } = {},
): Promise<void> {
  const before = await findBrief(owner, roleId);
  await upsertBrief(owner, roleId, details, { history: formHistory(fields, before?.details, details), chatStarted: options.chatStarted });
}
