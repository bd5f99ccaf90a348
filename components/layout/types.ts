/** What the signed-in shell shows about the current user (never the password hash). */
export interface ShellUser {
  username: string;
  email: string;
  name?: string | null;
}

/** Which database the server is talking to; "embedded" is the dev stand-in. */
export type DbKind = "embedded" | "external";

/** A conversation link in the sidebar. */
export interface SidebarConversation {
  id: string;
  title: string;
  href: string;
}

/** Server action that ends the session (e.g. wraps next-auth's `signOut`). */
export type SignOutAction = () => Promise<void>;
