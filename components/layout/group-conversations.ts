import type { ConversationSummary } from "@/lib/shared/chat/types";

export type ConversationGroupLabel = "Today" | "Yesterday" | "Previous 7 days" | "Older";

export interface ConversationGroup {
  label: ConversationGroupLabel;
  items: ConversationSummary[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Which bucket a conversation falls in, by its last message, in the viewer's local time. */
export function groupLabelFor(lastMessageAt: string, now: Date): ConversationGroupLabel {
  const today = startOfDay(now);
  const at = new Date(lastMessageAt).getTime();
  if (at >= today) return "Today";
  if (at >= today - DAY_MS) return "Yesterday";
  if (at >= today - 7 * DAY_MS) return "Previous 7 days";
  return "Older";
}

/** Newest-first items → non-empty groups in display order (the input order is kept inside a group). */
export function groupConversations(items: readonly ConversationSummary[], now: Date): ConversationGroup[] {
  const order: ConversationGroupLabel[] = ["Today", "Yesterday", "Previous 7 days", "Older"];
  const buckets = new Map<ConversationGroupLabel, ConversationSummary[]>();
  for (const item of items) {
    const label = groupLabelFor(item.lastMessageAt, now);
    const bucket = buckets.get(label) ?? [];
    bucket.push(item);
    buckets.set(label, bucket);
  }
  return order.flatMap((label) => {
    const bucket = buckets.get(label);
    return bucket ? [{ label, items: bucket }] : [];
  });
}
