/**
 * What a share hides: the values of every role field the owner did not choose to show. The
 * details block leaves them out, and because replies (the demo model's always, Gemini's often)
 * and "Details updated" notices repeat those values in the text, every occurrence of one in the
 * shared title and messages is replaced too. It errs on the side of hiding: a value is hidden
 * wherever it appears as a whole word, and the dialog's preview shows the owner exactly what is left.
 */
import "server-only";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export const HIDDEN_MARK = "[hidden]";
const NOTICE_PREFIX = /^Details (updated|saved)[^—]*—\s*/;
/** describeDetailsChange's placeholder for "no value". */
const NO_VALUE = "—";

function termsOfValue(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return [value.map(String).join(", "), ...value.flatMap(termsOfValue)];
  const text = String(value).trim();
  if (!text || text === NO_VALUE) return [];
  const terms = [text, ...text.split(", ").filter((part) => part !== text)];
  // A number may be written with grouping in a reply ("85,000").
  if (typeof value === "number" || /^\d{4,}$/.test(text)) terms.push(Number(text).toLocaleString("en-US"));
  return terms;
}

/** Values a "Details updated — Label: before → after; …" notice recorded for the hidden labels. */
function termsOfNotice(notice: string, hiddenLabels: readonly string[]): string[] {
  const body = notice.replace(NOTICE_PREFIX, "");
  return body.split("; ").flatMap((part) => {
    const label = hiddenLabels.find((candidate) => part.startsWith(`${candidate}: `));
    if (!label) return [];
    return part.slice(label.length + 2).split(" → ").flatMap(termsOfValue);
  });
}

/** Every text to hide: current values of hidden fields and the earlier values notices recorded. */
export function hiddenTerms(fields: readonly RoleField[], details: Record<string, unknown>, visible: ReadonlySet<string>, notices: readonly string[]): string[] {
  const hidden = fields.filter((field) => !visible.has(field.key));
  const labels = hidden.map((field) => field.label);
  const terms = [...hidden.flatMap((field) => termsOfValue(details[field.key])), ...notices.flatMap((notice) => termsOfNotice(notice, labels))];
  // Longest first, so "50k–100k" goes before a shorter value inside it would split it.
  return [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pattern for all terms; whole words only (letters or digits may not touch either side). */
export function redactor(terms: readonly string[]): (text: string) => string {
  if (terms.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return (text) => text.replace(pattern, HIDDEN_MARK);
}
