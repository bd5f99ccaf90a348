/**
 * A tiny browser event that tells the sidebar its list is stale (a chat was started, renamed,
 * retitled or deleted elsewhere on the page), so it reloads without a full router refresh.
 */
export const CONVERSATIONS_CHANGED_EVENT = "chatcraft:conversations-changed";

export function announceConversationsChanged(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CONVERSATIONS_CHANGED_EVENT));
}
