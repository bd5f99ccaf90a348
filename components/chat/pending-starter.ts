/**
 * A starter picked on a role page travels to the new chat through sessionStorage: the "Start
 * chat" action redirects on its own, so the starter cannot ride along in the URL. It is read
 * once, only by a fresh conversation of the same role, and only shortly after it was stored.
 */
const KEY = "chatcraft:pending-starter";
const MAX_AGE_MS = 2 * 60 * 1000;

interface PendingStarter {
  roleId: string;
  text: string;
  at: number;
}

export function rememberStarter(roleId: string, text: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ roleId, text, at: Date.now() } satisfies PendingStarter));
  } catch {
    // Storage disabled: the chat simply starts without the starter.
  }
}

export function forgetStarter(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

/** The stored starter for this role, removed as it is read. */
export function takeStarter(roleId: string): string | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    sessionStorage.removeItem(KEY);
    const pending = JSON.parse(raw) as Partial<PendingStarter>;
    if (pending.roleId !== roleId || typeof pending.text !== "string") return null;
    if (typeof pending.at !== "number" || Date.now() - pending.at > MAX_AGE_MS) return null;
    return pending.text;
  } catch {
    return null;
  }
}
