/**
 * A browser event that tells a project's board its tasks changed elsewhere on the page (a change
 * card was applied in the project chat), so it can reload them.
 */
export const PROJECT_CHANGED_EVENT = "chatcraft:project-changed";

export function announceProjectChanged(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(PROJECT_CHANGED_EVENT));
}
