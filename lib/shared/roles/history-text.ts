/** Words for a brief's history, shared by the role page's list and its "changed since" note. Browser-safe. */
import { formatDetailValue } from "@/lib/shared/roles/detail-value";

/** "Age: 40 → 41". */
export function describeChange(entry: { label: string; value?: unknown; previous?: unknown }): string {
  return `${entry.label}: ${formatDetailValue(entry.previous)} → ${formatDetailValue(entry.value)}`;
}

/** "2026-12-07 11:54 UTC": the same text on the server and in the browser (no hydration mismatch). */
export function formatHistoryTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
