/**
 * What the offline demo model proposes for the role's remembered details, derived only from the
 * user's words so the flow is deterministic offline and in browser tests: "my <field label> is now
 * <value>" for any field, and "I am <n> now" / "I'm <n> now" for an age field. The value is
 * checked by the same parser Gemini's call goes through, so a value that does not fit is refused
 * with the same reason.
 */
import "server-only";
import { AiError } from "@/lib/server/ai/ai-errors";
import { parseDetailsCall, DETAILS_SENTENCE_MAX, type DetailsUpdate } from "@/lib/server/ai/proposals-details";
import type { RoleField } from "@/lib/shared/roles/role-schema";

/** "my risk tolerance is now high", "My country is now Portugal." (the value runs to the sentence's end). */
const MY_FIELD_IS_NOW = /\bmy\s+(.{1,80}?)\s+is\s+now\s+(.+?)\s*(?:[.!?](?:\s|$)|$)/i;
/** "I am 41 now", "I'm 41 now", "I’m 41 now". */
const I_AM_N_NOW = /\bI(?:\s+am|['’]m)\s+(\d{1,4})\s+now\b/i;

export type DemoDetailsResult = { update: DetailsUpdate } | { refused: AiError } | null;

const normalise = (text: string) => text.toLowerCase().replace(/[_\s]+/g, " ").trim();

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf(".", index), text.lastIndexOf("!", index), text.lastIndexOf("?", index), text.lastIndexOf("\n", index)) + 1;
  const rest = text.slice(index).search(/[.!?\n]/);
  const end = rest === -1 ? text.length : index + rest + 1;
  return text.slice(start, end).trim().slice(0, DETAILS_SENTENCE_MAX);
}

/** A select's option in the user's casing ("high" → "High"); a multiselect's list from "a, b and c". */
function valueFor(field: RoleField, raw: string): unknown {
  const cleaned = raw.replace(/^["“']|["”']$/g, "").trim();
  const option = (word: string) => (field.type === "select" || field.type === "multiselect" ? (field.options.find((o) => normalise(o) === normalise(word)) ?? word) : word);
  if (field.type === "number") return Number(cleaned.replace(/,/g, ""));
  if (field.type === "multiselect") return cleaned.split(/\s*(?:,|\band\b)\s*/i).filter(Boolean).map(option);
  return option(cleaned);
}

function match(text: string, fields: readonly RoleField[]): { field: RoleField; raw: string; index: number } | null {
  const mine = MY_FIELD_IS_NOW.exec(text);
  if (mine?.[1] && mine[2]) {
    const named = normalise(mine[1]);
    const field = fields.find((candidate) => normalise(candidate.label) === named || normalise(candidate.key) === named);
    if (field) return { field, raw: mine[2], index: mine.index };
  }
  const age = I_AM_N_NOW.exec(text);
  const ageField = fields.find((candidate) => candidate.key === "age" && candidate.type === "number");
  if (age?.[1] && ageField) return { field: ageField, raw: age[1], index: age.index };
  return null;
}

/** The update the user's message states for one of these fields, a refusal if its value does not fit, or null. */
export function deriveDetailsUpdate(userText: string, fields: readonly RoleField[]): DemoDetailsResult {
  const found = match(userText, fields);
  if (!found) return null;
  const args = { field: found.field.key, value: valueFor(found.field, found.raw), sentence: sentenceAround(userText, found.index) };
  try {
    return { update: parseDetailsCall(fields, args) };
  } catch (error) {
    if (error instanceof AiError) return { refused: error };
    throw error;
  }
}
